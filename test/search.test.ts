/**
 * Search through the gateway (`landscape { search }`), on the test federation's read model. Each case
 * checks the hits against the documents on disk: every hit's quote is an exact substring of the cited
 * document, its citation names that document's id and title, the matched words stand in the hit, and
 * the document passages found are exactly the served passages that contain the words (none invented,
 * none lost). Regions come from the registry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { eventually, gql, gqlOk } from './support/client';
import { documentText } from './support/data-files';

interface Hit {
  regionCode: string;
  kind: string;
  id: string;
  name: string;
  level: string | null;
  snippet: string;
  highlights: Array<{ start: number; end: number }>;
  quote: string;
  rank: number;
  source: { documentId: string; documentTitle: string; document: string; section: string; quote: string };
  region: { code: string };
}
interface Page {
  totalCount: number;
  missingRegions: string[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Hit[];
}
interface Doc {
  id: string;
  title: string;
  file: string;
  passages: Array<{ ordinal: number; section: string; text: string }>;
}

const SEARCH = `query Search($text: String!, $filter: SearchFilter, $first: Int, $after: String) {
  landscape { search(text: $text, filter: $filter, first: $first, after: $after) {
    totalCount missingRegions pageInfo { endCursor hasNextPage }
    nodes { regionCode kind id name level snippet highlights { start end } quote rank
      source { documentId documentTitle document section quote } region { code } }
  } } }`;

const search = async (text: string, filter?: object, first?: number, after?: string) =>
  (await gqlOk<{ landscape: { search: Page } }>(SEARCH, { text, filter, first, after })).landscape.search;

/** Every hit of a search, page by page (at most 100 a page). */
async function allHits(text: string, filter?: object, first = 100): Promise<{ hits: Hit[]; totalCount: number }> {
  const hits: Hit[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await search(text, filter, first, after);
    hits.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { hits, totalCount: page.totalCount };
    after = page.pageInfo.endCursor!;
  }
}

let documents = new Map<string, Doc>();

beforeAll(async () => {
  const q = `{ regions { code documents { id title file passages { ordinal section text } } } }`;
  const data = await gqlOk<{ regions: Array<{ code: string; documents: Doc[] }> }>(q);
  documents = new Map(data.regions.flatMap((r) => r.documents.map((d) => [d.id, d] as const)));
  // The comparison has synced every region (and so indexed it).
  await eventually(async () => expect((await search('samverkan', undefined, 1)).missingRegions).toEqual([]), 30_000);
});

const key = (h: Hit) => `${h.regionCode}|${h.kind}|${h.id}`;
const lower = (h: Hit) => `${h.name} ${h.quote}`.toLowerCase();

/** What every hit of every search must be: quoted verbatim from the document it cites, by id and title. */
function checkProvenance(hits: Hit[]) {
  for (const h of hits) {
    const doc = documents.get(h.source.documentId);
    expect(doc, `${key(h)} cites ${h.source.documentId}`).toBeDefined();
    expect(h.source.documentTitle).toBe(doc!.title);
    expect(h.source.document).toBe(doc!.file);
    expect(h.source.quote).toBe(h.quote);
    expect(documentText(h.source.document).includes(h.quote), `${key(h)}: quote not in ${h.source.document}: ${h.quote}`).toBe(true);
    expect(REGIONS.map((r) => r.code)).toContain(h.regionCode);
    expect(h.region.code).toBe(h.regionCode);
    for (const r of h.highlights) expect(r.start >= 0 && r.end <= h.snippet.length && r.start < r.end).toBe(true);
  }
}

/** A contents list: most of its lines end in a page number after a tab or dot leaders (the index leaves these out). */
const isContents = (text: string) => {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.filter((l) => /(\t|\.{3,})\s*\d+\s*$/.test(l)).length * 2 > lines.length;
};

/** The served passages whose text matches, contents lists aside, as hit keys: what the DOCUMENT_PASSAGE hits must be exactly. */
function passagesMatching(test: (text: string) => boolean): string[] {
  return [...documents.values()]
    .flatMap((d) =>
      d.passages
        .filter((p) => !isContents(p.text) && test(`${p.section} ${p.text}`.toLowerCase()))
        .map((p) => `${d.id.split(':')[0]}|DOCUMENT_PASSAGE|${d.id}#${p.ordinal}`),
    )
    .sort();
}
const passageHits = (hits: Hit[]) =>
  hits
    .filter((h) => h.kind === 'DOCUMENT_PASSAGE')
    .map(key)
    .sort();
/** The regions whose documents contain the pattern (from the files on disk). */
const regionsMentioning = (re: RegExp) =>
  REGIONS.map((r) => r.code).filter((code) => [...documents.values()].some((d) => d.id.startsWith(`${code}:`) && re.test(documentText(d.file))));

describe('search', () => {
  it('"psykisk hälsa": every hit has both words, every passage saying "psykisk hälsa" is found', async () => {
    const { hits, totalCount } = await allHits('psykisk hälsa');
    expect(hits.length).toBe(totalCount);
    checkProvenance(hits);
    for (const h of hits) expect(lower(h), key(h)).toMatch(/psykisk[\s\S]*häls|häls[\s\S]*psykisk/);
    const literal = passagesMatching((t) => /psykisk\w*\s+hälsa/.test(t));
    expect(literal.length).toBeGreaterThan(0);
    expect(passageHits(hits)).toEqual(expect.arrayContaining(literal));
    expect(passageHits(hits)).toEqual(passagesMatching((t) => /psykisk/.test(t) && /hälsa/.test(t)));
    expect(hits.some((h) => h.highlights.some((r) => h.snippet.slice(r.start, r.end).toLowerCase().startsWith('psykisk')))).toBe(true);
  });

  it('"suicidprevention": exactly the passages and facts that say it', async () => {
    const { hits } = await allHits('suicidprevention');
    checkProvenance(hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(lower(h), key(h)).toContain('suicidprevention');
    expect(passageHits(hits)).toEqual(passagesMatching((t) => t.includes('suicidprevention')));
    expect([...new Set(hits.map((h) => h.regionCode))]).toEqual(regionsMentioning(/suicidprevention/i));
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['PLAN', 'DOCUMENT_PASSAGE']));
  });

  it('"brukarmedverkan": hits only where the documents say it, highlighted', async () => {
    const { hits } = await allHits('brukarmedverkan');
    checkProvenance(hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(lower(h), key(h)).toContain('brukarmedverkan');
    expect(passageHits(hits)).toEqual(passagesMatching((t) => t.includes('brukarmedverkan')));
    expect([...new Set(hits.map((h) => h.regionCode))]).toEqual(regionsMentioning(/brukarmedverkan/i));
    const marked = hits.flatMap((h) => h.highlights.map((r) => h.snippet.slice(r.start, r.end).toLowerCase()));
    expect(marked).toContain('brukarmedverkan');
  });

  it('"samverk*" (prefix): words starting with samverk in every region, paged without duplicates or loss', async () => {
    const { hits, totalCount } = await allHits('samverk*', undefined, 17);
    checkProvenance(hits);
    expect(hits.length).toBe(totalCount);
    expect(new Set(hits.map(key)).size).toBe(hits.length);
    for (const h of hits) expect(lower(h), key(h)).toContain('samverk');
    expect([...new Set(hits.map((h) => h.regionCode))].sort()).toEqual(regionsMentioning(/samverk/i).sort());
    expect(passageHits(hits)).toEqual(passagesMatching((t) => t.includes('samverk')));
    // The same hits as in pages of 100, in the same order: the order is deterministic.
    expect((await allHits('samverk*')).hits.map(key)).toEqual(hits.map(key));
    const ranks = hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('a "quoted phrase" matches the words next to each other', async () => {
    const { hits } = await allHits('"psykisk hälsa"');
    checkProvenance(hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(lower(h), key(h)).toMatch(/psykisk\w*\s+häls/);
    expect(passageHits(hits)).toEqual(passagesMatching((t) => /psykisk\w*\s+häls/.test(t)));
    const words = (await allHits('psykisk hälsa')).hits.map(key);
    expect(words).toEqual(expect.arrayContaining(hits.map(key)));
  });

  it('finds parts of compounds by substring: "prevention" finds suicidprevention, "struktur" finds samverkansstruktur', async () => {
    const prevention = await allHits('prevention');
    checkProvenance(prevention.hits);
    expect(prevention.hits.map(key).sort()).toEqual((await allHits('suicidprevention')).hits.map(key).sort());
    const struktur = await allHits('struktur');
    checkProvenance(struktur.hits);
    for (const h of struktur.hits) expect(lower(h)).toContain('struktur');
    expect(struktur.hits.some((h) => lower(h).includes('samverkansstruktur'))).toBe(true);
    expect(passageHits(struktur.hits)).toEqual(passagesMatching((t) => t.includes('struktur')));
  });

  it('filters by region, kind and level', async () => {
    const code = REGIONS[1]!.code;
    const one = await allHits('samverk*', { regions: [code] });
    expect(one.hits.length).toBeGreaterThan(0);
    expect(new Set(one.hits.map((h) => h.regionCode))).toEqual(new Set([code]));
    const all = await allHits('samverk*');
    expect(one.hits.map(key)).toEqual(all.hits.filter((h) => h.regionCode === code).map(key));
    const passages = await allHits('samverk*', { kinds: ['DOCUMENT_PASSAGE'] });
    expect(passages.hits.map(key)).toEqual(all.hits.filter((h) => h.kind === 'DOCUMENT_PASSAGE').map(key));
    const strategic = await allHits('samverk*', { levels: ['STRATEGIC'] });
    expect(strategic.hits.length).toBeGreaterThan(0);
    for (const h of strategic.hits) expect([h.kind, h.level]).toEqual(['BODY', 'STRATEGIC']);
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    const codeOf = async (vars: Record<string, unknown>) => (await gql(SEARCH, vars)).errors?.[0]?.extensions?.code;
    expect(await codeOf({ text: '' })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: '   ' })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: 'a'.repeat(201) })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: '*** ""' })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: 'samverkan', first: 101 })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: 'samverkan', after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ text: 'samverkan', filter: { regions: ['atlantis'] } })).toBe('BAD_USER_INPUT');
    // Characters that mean something to tsquery are only separators: no error, the words still match.
    const odd = await allHits('psykisk & hälsa | !( ):*');
    expect(odd.hits.map(key)).toEqual((await allHits('psykisk hälsa')).hits.map(key));
  });
});
