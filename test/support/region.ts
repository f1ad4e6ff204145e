/**
 * What every region's gateway test shares: the answer's types, the drill-down queries (split in three so no
 * request hits the gateway's cost limit), the quote checks against the source documents on disk, and the
 * body/role finders. A region test supplies only its code, its documents and its region-specific fields.
 */
import { expect, it } from 'vitest';
import { gqlOk } from './client';
import { sourceText } from './documents';

export interface Src {
  document: string;
  section: string;
  quote: string;
}
export interface Cad {
  label: string | null;
  text: string;
  minPerYear: number | null;
  maxPerYear: number | null;
  approximate: boolean;
  whenNeeded: boolean;
  source: Src;
}
export interface Office {
  holder: string | null;
  selection: string | null;
  term: string | null;
  rotation: string | null;
  note: string | null;
  source: Src;
  holderSource: Src | null;
  selectionSource: Src | null;
  termSource: Src | null;
  rotationSource: Src | null;
}
export interface Holder {
  who: string;
  source: Src;
}
export interface Stmt {
  text: string;
  group: string | null;
  category?: string | null;
  source: Src;
}
export interface Fact {
  id: string;
  topic: string;
  name: string;
  value: string | null;
  count: number | null;
  source: Src;
}
export interface Body {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  document: string;
  instances: { count: number | null; names: string[]; source: Src } | null;
  parent: { bodyId: string; relation: string; source: Src } | null;
  establishedBy: Stmt | null;
  purposes: Stmt[];
  assignments: Stmt[];
  composition: Array<{
    organisation: string | null;
    function: string;
    seats: { min: number | null; max: number | null; text: string } | null;
    appointedBy: string | null;
    source: Src;
  }>;
  substitutes: { rule: string; note: string | null; source: Src | null };
  chair: Office | null;
  viceChair: Office | null;
  convener: Holder | null;
  agendaBy: Holder | null;
  minutes: { kept: boolean | null; keeper: string | null; source: Src } | null;
  levelBasis: string;
  permanence: string;
  notes: string[];
  noticeContent: Stmt | null;
  cadence: Cad | null;
  otherMeetings: Cad[];
}
export interface Role {
  id: string;
  title: string;
  kind: string;
  kindNote: string | null;
  servesBodyIds: string[];
  duties: Array<{ group: string | null; text: string; category: string; source: Src }>;
  source: Src;
}
export interface Report {
  id: string;
  artifact: string;
  description: string;
  fromBodyId: string | null;
  fromRoleId: string | null;
  fromText: string;
  toBodyId: string | null;
  toRoleId: string | null;
  toText: string;
  cadence: Cad | null;
  notes: string[];
  source: Src;
}
/** The fields every region serves; a region test extends it with its region-specific fields. */
export interface Region {
  code: string;
  name: string;
  documents: Array<{ file: string; title: string; source: Src }>;
  bodies: Body[];
  roles: Role[];
  reportingDuties: Report[];
  plans: Array<{ id: string; name: string; kind: string; description: string | null; revision: Cad | null; source: Src }>;
  decisionRules: Array<{ id: string; text: string; source: Src }>;
  regionalFacts: Fact[];
}

const FRAGMENTS: Record<string, string> = {
  Src: 'fragment Src on Source { document section quote }',
  Cad: 'fragment Cad on MeetingCadence { label text minPerYear maxPerYear approximate whenNeeded note source { ...Src } }',
  Off: 'fragment Off on Office { holder selection term rotation note source { ...Src } holderSource { ...Src } selectionSource { ...Src } termSource { ...Src } rotationSource { ...Src } }',
  Fact: 'fragment Fact on RegionalFact { id topic name value count note source { ...Src } }',
};
/** A query with exactly the fragments it spreads (GraphQL rejects unused ones). */
const withFragments = (q: string) =>
  [
    q,
    ...Object.entries(FRAGMENTS)
      .filter(([n]) => new RegExp(`\\.\\.\\.${n}\\b`).test(q))
      .map(([, f]) => f),
  ].join('\n');

/** The drill-down root `code` of a region, through the gateway; split in three so no request hits the gateway's cost limit. */
function regionQueries(code: string, regionFields: string): string[] {
  return [
    /* GraphQL */ `{
    r: ${code} {
      code name
      documents { file title source { ...Src } }
      bodies {
        id name kind level levelBasis permanence notes document
        levelSource { ...Src } permanenceSource { ...Src }
        instances { count names source { ...Src } }
        parent { bodyId relation source { ...Src } }
        establishedBy { text group source { ...Src } }
        purposes { text group source { ...Src } }
        assignments { text group category source { ...Src } }
        composition { organisation function seats { min max text } appointedBy source { ...Src } }
        substitutes { rule note source { ...Src } }
        chair { ...Off } viceChair { ...Off }
        convener { who note source { ...Src } }
        agendaBy { who note source { ...Src } }
        minutes { kept keeper note source { ...Src } }
        noticeContent { text group source { ...Src } }
        cadence { ...Cad } otherMeetings { ...Cad }
      }
    }
  }`,
    /* GraphQL */ `{
    r: ${code} {
      roles {
        id title kind kindNote servesBodyIds
        employer { text source { ...Src } } financing { text source { ...Src } }
        postHolders { count perBody text source { ...Src } }
        duties { group text category source { ...Src } }
        source { ...Src }
      }
      reportingDuties { id artifact description fromBodyId fromRoleId fromText toBodyId toRoleId toText cadence { ...Cad } notes source { ...Src } }
    }
  }`,
    /* GraphQL */ `{
    r: ${code} {
      plans { id name kind description revision { ...Cad } source { ...Src } }
      decisionRules { id text source { ...Src } }
      regionalFacts { ...Fact }
      ${regionFields}
    }
  }`,
  ].map(withFragments);
}

/** Runs the three drill-down queries of region `code` (with its region-specific `regionFields`) and merges the answers. */
export async function loadRegion<R extends Region = Region>(code: string, regionFields: string): Promise<R> {
  const parts = await Promise.all(regionQueries(code, regionFields).map((q) => gqlOk<{ r: Partial<R> }>(q)));
  return Object.assign({}, ...parts.map((p) => p.r)) as R;
}

/** The text of each named source document, by file name. */
export function readDocuments(files: readonly string[]): Map<string, string> {
  return new Map(files.map((f) => [f, sourceText(f)]));
}

/** Every Source object anywhere in an answer. */
export function sources(value: unknown, out: Src[] = []): Src[] {
  if (Array.isArray(value)) value.forEach((v) => sources(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string') out.push(o as unknown as Src);
    else Object.values(o).forEach((v) => sources(v, out));
  }
  return out;
}
/** The served quotes that are not exact substrings of the document they name. */
export function notInDocument(list: Src[], documentText: ReadonlyMap<string, string>): Src[] {
  return list.filter((s) => !documentText.get(s.document)?.includes(s.quote));
}
/** A cadence's verbatim phrase must stand in its quote, and the quote in the document. */
export function expectCadence(c: Cad | null | undefined, text: string, min: number | null, max: number | null, approximate = false) {
  expect(c, `cadence "${text}"`).toBeTruthy();
  expect(c).toMatchObject({ text, minPerYear: min, maxPerYear: max, approximate });
  expect(c!.source.quote).toContain(text);
}
export const ENGLISH = /\b(the|and|of|with|is|are|when|for each)\b/i;

/**
 * The `body(slug)` and `role(slug)` finders of region `code`, failing the test when the id is missing. `region` may
 * be a getter, for a region that is only loaded in a `beforeAll` after the finders are made.
 */
export function finders(region: Region | (() => Region), code: string) {
  const current = typeof region === 'function' ? region : () => region;
  const body = (slug: string): Body => {
    const b = current().bodies.find((x) => x.id === `${code}:${slug}`);
    expect(b, `body ${slug}`).toBeTruthy();
    return b!;
  };
  const role = (slug: string): Role => {
    const r = current().roles.find((x) => x.id === `${code}:${slug}`);
    expect(r, `role ${slug}`).toBeTruthy();
    return r!;
  };
  return { body, role };
}

/**
 * The checks every region passes the same way: the region(code:) entry point serves the same bodies
 * as the drill-down field, and every served quote is an exact substring of its source document.
 */
export function provenanceTests(code: string, docs: readonly string[], documentText: ReadonlyMap<string, string>, region: () => Region, minQuotes: number) {
  it('is the same region through the gateway’s region(code:) entry point', async () => {
    const viaRegion = await gqlOk<{
      region: {
        code: string;
        bodies: Array<{ id: string; cadence: { text: string; minPerYear: number | null; source: { document: string; quote: string } } | null }>;
      };
    }>('query ($code: ID!) { region(code: $code) { code bodies { id cadence { text minPerYear source { document quote } } } } }', { code });
    expect(viaRegion.region.code).toBe(code);
    expect(viaRegion.region.bodies.map((b) => b.id)).toEqual(region().bodies.map((b) => b.id));
    expect(viaRegion.region.bodies.map((b) => b.cadence?.minPerYear ?? null)).toEqual(region().bodies.map((b) => b.cadence?.minPerYear ?? null));
    expect(notInDocument(sources(viaRegion), documentText)).toEqual([]);
  });

  it('serves no quote that is not in its source document', () => {
    const all = sources(region());
    expect(all.length).toBeGreaterThan(minQuotes);
    for (const s of all) expect(docs).toContain(s.document);
    expect(notInDocument(all, documentText)).toEqual([]);
    // the check itself can fail: a quote altered by one character is caught
    expect(notInDocument([{ ...all[0]!, quote: `${all[0]!.quote}§` }], documentText)).toHaveLength(1);
  });
}
