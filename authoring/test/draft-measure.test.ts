// Recall and precision of the draft against the reviewed data files of every region of the registry
// (definitions: authoring/src/draft/measure.ts). Floors are just below what was measured (docs/AUTHORING.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileSchema, checkAgainstDocument, checkRegionData, REGIONS } from '@samverkan/contract';
import { draftDocument } from '../src/draft';
import { measureAll, reviewedDocuments } from '../src/draft/corpus';
import { precision, recall } from '../src/draft/measure';

const root = join(import.meta.dirname, '..', '..');
const docs = reviewedDocuments(root).map((d) => ({ ...d, text: readFileSync(join(root, 'docs', 'sources', d.file), 'utf8') }));

describe('draft measured against the reviewed data files', () => {
  it('finds every region of the registry with its documents', () => {
    expect(new Set(docs.map((d) => d.region))).toEqual(new Set(REGIONS.map((r) => r.code)));
  });

  it('drafts files that fit the schema and pass the data checks (those of npm run check-data)', () => {
    for (const d of docs) {
      const draft = draftDocument(d.text, { fileName: d.file });
      const parsed = DataFileSchema.safeParse(draft);
      expect(parsed.success, `${d.file}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'draft-data-'));
      try {
        writeFileSync(join(dir, d.file.replace(/\.txt$/, '.json')), JSON.stringify(draft, null, 2));
        expect(checkRegionData(dir, { sourcesDir: join(root, 'docs', 'sources') }).problems, d.file).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('checks the quotes of drafted facts (a source with `draft` is still a source)', () => {
    const d = docs[0]!;
    const draft = draftDocument(d.text, { fileName: d.file });
    const body = draft.bodies.find((b) => b.composition.length > 0) ?? draft.bodies[0]!;
    const source = body.composition[0]?.source ?? draft.document.source;
    source.quote = `${source.quote} (not in the text)`;
    expect(checkAgainstDocument(draft, d.text).some((p) => p.includes('(not in the text)'))).toBe(true);
  });

  it('reaches the measured recall and precision', () => {
    const { total } = measureAll(docs);
    expect(recall(total.all)!).toBeGreaterThanOrEqual(71);
    expect(precision(total.all)!).toBeGreaterThanOrEqual(82);
    expect(recall(total.cadence)!).toBeGreaterThanOrEqual(91);
    expect(precision(total.cadence)!).toBeGreaterThanOrEqual(86);
  });

  it('drafts a long document (the five, six times over) well under 10 s', () => {
    const long = Array.from({ length: 6 }, () => docs.map((d) => d.text).join('\n\n')).join('\n\n');
    const started = performance.now();
    draftDocument(long, { fileName: 'long.txt' });
    expect(performance.now() - started).toBeLessThan(8000);
  });
});
