/**
 * Source documents as first-class sources, through the gateway: every region's documents have a
 * stable id, the data file's title, a publisher quoted from the document, validity where stated, a
 * version that is the SHA-256 of the document's text, and verbatim passages; every citation (Source
 * in the regions, Quote in the comparison) names its document by id and title. A region running on
 * DATA_DIR without its documents serves no passages and says so.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS } from '../contract/src/registry';
import { dropSchemas, gqlOk } from './support/client';
import { hasFacts } from './support/data';
import { documentText } from './support/data-files';
import { testPort } from './support/ports';

interface Src {
  documentId: string;
  documentTitle: string;
  document: string;
  section: string;
  quote: string;
}
interface Doc {
  id: string;
  file: string;
  title: string;
  date: string | null;
  version: string | null;
  textAvailable: boolean;
  publisher: { name: string; inferred: boolean; source: Src } | null;
  validity: { text: string; from: string | null; to: string | null; source: Src } | null;
  passages: Array<{ ordinal: number; section: string; text: string }> | null;
  source: Src;
}

const SRC = 'source { documentId documentTitle document section quote }';
const DOCS = `documents { id file title date version textAvailable publisher { name inferred ${SRC} } validity { text from to ${SRC} } passages { ordinal section text } ${SRC} }`;
const ROOT = join(__dirname, '..');
const dataFiles = (code: string) =>
  readdirSync(join(ROOT, 'subgraphs', code, 'data'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(
      (f) =>
        JSON.parse(readFileSync(join(ROOT, 'subgraphs', code, 'data', f), 'utf8')) as {
          file: string;
          document: { id: string; title: string; date: string | null; publisher?: { name: string } | null };
        },
    );
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every Source object inside a value. */
function sources(value: unknown, out: Src[] = []): Src[] {
  if (Array.isArray(value)) value.forEach((v) => sources(v, out));
  else if (value && typeof value === 'object') {
    const r = value as Record<string, unknown>;
    if (typeof r.quote === 'string' && typeof r.section === 'string') out.push(r as unknown as Src);
    else Object.values(r).forEach((v) => sources(v, out));
  }
  return out;
}

describe('documents as sources', () => {
  it.each(REGIONS.map((r) => [r.code]))('%s: id, title, publisher, date, version = SHA-256 of the text, verbatim passages', async (code) => {
    const { region } = await gqlOk<{ region: { documents: Doc[] } }>(`query($c: ID!) { region(code: $c) { ${DOCS} } }`, { c: code });
    const files = dataFiles(code);
    expect(region.documents.map((d) => d.file).sort()).toEqual(files.map((f) => f.file).sort());
    for (const d of region.documents) {
      const file = files.find((f) => f.file === d.file)!;
      const text = documentText(d.file);
      expect(d.id).toBe(`${code}:${file.document.id}`);
      expect(d.title).toBe(file.document.title);
      expect(d.date).toBe(file.document.date);
      expect(d.version).toBe(sha256(text));
      expect(d.textAvailable).toBe(true);
      expect(d.passages!.map((p) => p.ordinal)).toEqual(d.passages!.map((_, i) => i + 1));
      expect(d.passages!.length).toBeGreaterThan(0);
      let from = 0;
      for (const p of d.passages!) {
        const at = text.indexOf(p.text, from);
        expect(at, `passage ${p.ordinal} of ${d.file} is verbatim and in order`).toBeGreaterThanOrEqual(from);
        from = at + p.text.length;
        expect(text.includes(p.section)).toBe(true);
      }
      for (const s of sources(d)) {
        expect(text.includes(s.quote), s.quote).toBe(true);
        expect([s.documentId, s.documentTitle, s.document]).toEqual([d.id, d.title, d.file]);
      }
      // The publisher the data file names (a scaffolded region's file names none yet).
      expect(d.publisher?.name ?? null).toBe(file.document.publisher?.name ?? null);
    }
    const ids = region.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states the validity where a document gives it (Örebro\'s "Giltighetstid"), and only there', async () => {
    const data = await gqlOk<{ regions: Array<{ code: string; documents: Doc[] }> }>(`{ regions { code ${DOCS} } }`);
    const withValidity = data.regions.flatMap((r) => r.documents).filter((d) => d.validity);
    const stating = data.regions.flatMap((r) => r.documents).filter((d) => documentText(d.file).includes('Giltighetstid'));
    expect(withValidity.map((d) => d.id)).toEqual(stating.map((d) => d.id));
    expect(withValidity.length).toBeGreaterThan(0);
    for (const d of withValidity) {
      const v = d.validity!;
      expect(v.source.section).toBe('Giltighetstid');
      expect(documentText(d.file).includes(v.source.quote)).toBe(true);
      expect(v.source.quote.includes(v.text)).toBe(true);
      for (const date of [v.from, v.to]) if (date) expect(v.text).toContain(date);
    }
    expect(withValidity.find((d) => d.file.startsWith('001_'))?.validity).toMatchObject({ from: null, to: '2026-12-31' });
  });

  it("every Source a region serves carries its document's id and title", async () => {
    const query = `{ regions { code documents { id title file } bodies { id purposes { ${SRC} } assignments { ${SRC} } composition { ${SRC} } cadence { ${SRC} } chair { ${SRC} } }
      roles { ${SRC} duties { ${SRC} } } reportingDuties { ${SRC} } plans { ${SRC} } decisionRules { ${SRC} } regionalFacts { ${SRC} } } }`;
    const data = await gqlOk<{ regions: Array<{ code: string; documents: Array<{ id: string; title: string; file: string }> }> }>(query);
    for (const r of data.regions) {
      const byId = new Map(r.documents.map((d) => [d.id, d]));
      const all = sources(r);
      // A region that models facts serves their sources; one with none yet (a new region) serves none.
      expect(all.length > 0, r.code).toBe(hasFacts(r.code));
      for (const s of all) {
        const d = byId.get(s.documentId);
        expect(d, `${r.code}: ${s.documentId}`).toBeDefined();
        expect([s.documentTitle, s.document]).toEqual([d!.title, d!.file]);
        expect(documentText(s.document).includes(s.quote)).toBe(true);
      }
    }
  });

  it("every comparison citation (Quote) carries the document's id and title", async () => {
    const q = 'source { documentId documentTitle document quote }';
    const data = await gqlOk<{ landscape: unknown }>(`{ landscape {
      comparisonMatrix { rows { cells { quotes { documentId documentTitle document quote } } } }
      meetingFrequencyTable { cadence { ${q} } } } }`);
    const docs = await gqlOk<{ regions: Array<{ documents: Array<{ id: string; title: string; file: string }> }> }>(
      '{ regions { documents { id title file } } }',
    );
    const byId = new Map(docs.regions.flatMap((r) => r.documents.map((d) => [d.id, d] as const)));
    const quotes: Array<{ documentId: string; documentTitle: string; document: string; quote: string }> = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const r = v as Record<string, unknown>;
        if (typeof r.quote === 'string' && 'documentTitle' in r) quotes.push(r as never);
        else Object.values(r).forEach(walk);
      }
    };
    walk(data);
    expect(quotes.length).toBeGreaterThan(0);
    for (const c of quotes) expect([c.documentTitle, c.document]).toEqual([byId.get(c.documentId)?.title, byId.get(c.documentId)?.file]);
  });
});

describe('a region on DATA_DIR without its documents', () => {
  const REGION = REGIONS[0]!;
  const PORT = testPort(15901);
  let child: ChildProcess | undefined;
  let dir = '';
  afterAll(async () => {
    if (child) await stopChild(child);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves no passages and no version, and says the text is not available', async () => {
    await dropSchemas(inject('databaseUrl'), [`docs_${REGION.code}`]);
    dir = mkdtempSync(join(tmpdir(), 'samverkan-documents-'));
    cpSync(join(ROOT, 'subgraphs', REGION.code, 'data'), dir, { recursive: true });
    child = await spawnService(`subgraphs/${REGION.code}`, PORT, {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: 'docs_',
      DATA_DIR: dir,
      [portVar(REGION.code)]: String(PORT),
    });
    const data = await gqlOk<Record<string, { documents: Doc[] }>>(`{ ${REGION.code} { ${DOCS} } }`, undefined, `http://127.0.0.1:${PORT}/graphql`);
    const docs = data[REGION.code]!.documents;
    expect(docs.length).toBe(dataFiles(REGION.code).length);
    for (const d of docs) expect([d.textAvailable, d.passages, d.version]).toEqual([false, null, null]);
    await dropSchemas(inject('databaseUrl'), [`docs_${REGION.code}`]);
  });
});
