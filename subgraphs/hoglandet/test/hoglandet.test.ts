/**
 * Höglandet through the gateway: every analyst question answered with its quote, every served quote checked
 * against the source document on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gqlOk } from '../../../test/support/client';

const CODE = 'hoglandet';
const DOCS = ['003_3bddda7b82c4b001.txt'];
const sourcesDir = join(__dirname, '..', '..', '..', 'docs', 'sources');
const documentText = new Map(DOCS.map((f) => [f, readFileSync(join(sourcesDir, f), 'utf8')]));

interface Src { document: string; section: string; quote: string }
interface Cad { label: string | null; text: string; minPerYear: number | null; maxPerYear: number | null; approximate: boolean; whenNeeded: boolean; source: Src }
interface Office { holder: string | null; selection: string | null; term: string | null; rotation: string | null; note: string | null; source: Src }
interface Holder { who: string; source: Src }
interface Stmt { text: string; group: string | null; source: Src }
interface Fact { id: string; topic: string; name: string; value: string | null; count: number | null; source: Src }
interface Body {
  id: string; name: string; kind: string; level: string | null; document: string;
  instances: { count: number | null; names: string[]; source: Src } | null;
  parent: { bodyId: string; relation: string; source: Src } | null;
  establishedBy: Stmt | null; purposes: Stmt[]; assignments: Stmt[];
  composition: Array<{ organisation: string | null; function: string; seats: { min: number | null; max: number | null; text: string } | null; appointedBy: string | null; source: Src }>;
  substitutes: { rule: string; note: string | null; source: Src | null };
  chair: Office | null; viceChair: Office | null; convener: Holder | null; agendaBy: Holder | null;
  minutes: { kept: boolean | null; keeper: string | null; source: Src } | null;
  noticeContent: Stmt | null; cadence: Cad | null; otherMeetings: Cad[];
}
interface Role { id: string; title: string; kind: string; servesBodyIds: string[]; duties: Array<{ group: string | null; text: string; category: string; source: Src }>; source: Src }
interface Report { id: string; artifact: string; description: string; fromBodyId: string | null; fromRoleId: string | null; fromText: string; toBodyId: string | null; toText: string; cadence: Cad | null; source: Src }
interface Region {
  code: string; name: string;
  documents: Array<{ file: string; title: string; source: Src }>;
  bodies: Body[]; roles: Role[]; reportingDuties: Report[];
  plans: Array<{ id: string; name: string; kind: string; description: string | null; revision: Cad | null; source: Src }>;
  decisionRules: Array<{ id: string; text: string; source: Src }>;
  regionalFacts: Fact[];
  rehabilitationParties: Fact[]; kommunomraden: Fact[]; goals: Fact[];
}

const FRAGMENTS: Record<string, string> = {
  Src: 'fragment Src on Source { document section quote }',
  Cad: 'fragment Cad on MeetingCadence { label text minPerYear maxPerYear approximate whenNeeded note source { ...Src } }',
  Off: 'fragment Off on Office { holder selection term rotation note source { ...Src } }',
  Fact: 'fragment Fact on RegionalFact { id topic name value count note source { ...Src } }',
};
/** A query with exactly the fragments it spreads (GraphQL rejects unused ones). */
const withFragments = (q: string) => [q, ...Object.entries(FRAGMENTS).filter(([n]) => new RegExp(`\\.\\.\\.${n}\\b`).test(q)).map(([, f]) => f)].join('\n');
/** The drill-down root of this region, through the gateway; split in three so no request hits the gateway's cost limit. */
const QUERIES = [
  /* GraphQL */ `{
    r: hoglandet {
      code name
      documents { file title source { ...Src } }
      bodies {
        id name kind level document
        levelSource { ...Src } permanenceSource { ...Src }
        instances { count names source { ...Src } }
        parent { bodyId relation source { ...Src } }
        establishedBy { text group source { ...Src } }
        purposes { text group source { ...Src } }
        assignments { text group source { ...Src } }
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
    r: hoglandet {
      roles {
        id title kind servesBodyIds
        employer { text source { ...Src } } financing { text source { ...Src } }
        postHolders { count perBody text source { ...Src } }
        duties { group text category source { ...Src } }
        source { ...Src }
      }
      reportingDuties { id artifact description fromBodyId fromRoleId fromText toBodyId toText cadence { ...Cad } source { ...Src } }
    }
  }`,
  /* GraphQL */ `{
    r: hoglandet {
      plans { id name kind description revision { ...Cad } source { ...Src } }
      decisionRules { id text source { ...Src } }
      regionalFacts { ...Fact }
      rehabilitationParties { ...Fact } kommunomraden { ...Fact } goals { ...Fact }
    }
  }`,
].map(withFragments);

/** Every Source object anywhere in an answer. */
function sources(value: unknown, out: Src[] = []): Src[] {
  if (Array.isArray(value)) value.forEach((v) => sources(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string') out.push(o as unknown as Src);
    else Object.values(o).forEach((v) => sources(v, out));
  }
  return out;
}
/** The served quotes that are not exact substrings of the document they name. */
function notInDocument(list: Src[]): Src[] {
  return list.filter((s) => !documentText.get(s.document)?.includes(s.quote));
}
/** A cadence's verbatim phrase must stand in its quote, and the quote in the document. */
function expectCadence(c: Cad | null | undefined, text: string, min: number | null, max: number | null, approximate = false) {
  expect(c, `cadence "${text}"`).toBeTruthy();
  expect(c).toMatchObject({ text, minPerYear: min, maxPerYear: max, approximate });
  expect(c!.source.quote).toContain(text);
}
const ENGLISH = /\b(the|and|of|with|is|are|when|for each)\b/i;

let region: Region;
const body = (slug: string) => {
  const b = region.bodies.find((x) => x.id === `${CODE}:${slug}`);
  expect(b, `body ${slug}`).toBeTruthy();
  return b!;
};
const role = (slug: string) => {
  const r = region.roles.find((x) => x.id === `${CODE}:${slug}`);
  expect(r, `role ${slug}`).toBeTruthy();
  return r!;
};

beforeAll(async () => {
  const parts = await Promise.all(QUERIES.map((q) => gqlOk<{ r: Partial<Region> }>(q)));
  region = Object.assign({}, ...parts.map((p) => p.r)) as Region;
});

describe('Höglandet through the gateway', () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.bodies.map((b) => b.id)).toEqual(expect.arrayContaining([
      'hoglandet:hoglandets-samordningsforbund', 'hoglandet:styrelsen', 'hoglandet:beredningsgruppen', 'hoglandet:samverk-hoglandet',
      'hoglandet:styrgrupp-kommunomrade', 'hoglandet:arbetsgrupp-kommunomrade', 'hoglandet:natverk-samverkanskoordinatorer',
    ]));
  });

  it('is the same region through the gateway’s region(code:) entry point', async () => {
    const viaRegion = await gqlOk<{ region: { code: string; bodies: Array<{ id: string; cadence: { text: string; minPerYear: number | null; source: { document: string; quote: string } } | null }> } }>(
      'query ($code: ID!) { region(code: $code) { code bodies { id cadence { text minPerYear source { document quote } } } } }', { code: CODE });
    expect(viaRegion.region.code).toBe(CODE);
    expect(viaRegion.region.bodies.map((b) => b.id)).toEqual(region.bodies.map((b) => b.id));
    expect(viaRegion.region.bodies.map((b) => b.cadence?.minPerYear ?? null)).toEqual(region.bodies.map((b) => b.cadence?.minPerYear ?? null));
    expect(notInDocument(sources(viaRegion))).toEqual([]);
  });

  it('serves no quote that is not in its source document', () => {
    const all = sources(region);
    expect(all.length).toBeGreaterThan(100);
    for (const s of all) expect(s.document).toBe(DOCS[0]);
    expect(notInDocument(all)).toEqual([]);
    expect(notInDocument([{ ...all[0]!, quote: `${all[0]!.quote}§` }])).toHaveLength(1);
  });

  it('who convenes: förbundschef for Beredningsgruppen and Samverk Höglandet, samverkanskoordinatorerna for styr- och arbetsgrupper', () => {
    for (const slug of ['beredningsgruppen', 'samverk-hoglandet']) {
      expect(body(slug).convener).toMatchObject({ who: 'Förbundschef', source: { quote: 'Förbundschef är sammankallande för beredningsgruppen och Samverk Högländet.' } });
    }
    for (const slug of ['styrgrupp-kommunomrade', 'arbetsgrupp-kommunomrade']) {
      expect(body(slug).convener).toMatchObject({
        who: 'Samverkanskoordinatorerna',
        source: { quote: 'Samverkanskoordinatorerna är sammankallande för styr- och arbetsgrupper i respektive kommunområde.' },
      });
    }
    expect(region.bodies.filter((b) => b.chair)).toEqual([]); // the document names no chair
  });

  it('how often: no body has a stated regular frequency; Samverk Höglandet has a planning day in January every year', () => {
    expect(region.bodies.filter((b) => b.cadence)).toEqual([]);
    const day = body('samverk-hoglandet').otherMeetings.find((m) => m.text === 'i januari varje år');
    expectCadence(day, 'i januari varje år', 1, 1);
    expect(day!.source.quote).toBe('Genomföra planeringsdag i januari varje år för att planera aktiviteter för Samverk Höglandet.');
  });

  it('substitutes: each party appoints ersättare for styrgrupp and arbetsgrupp', () => {
    for (const slug of ['styrgrupp-kommunomrade', 'arbetsgrupp-kommunomrade']) {
      const b = body(slug);
      expect(b.substitutes.rule).toBe('REQUIRED');
      expect(b.substitutes.source!.quote).toBe('utse en representant till styrgrupp, representant(er) till arbetsgrupp samt ersättare');
    }
    for (const b of region.bodies.filter((x) => x.substitutes.rule === 'NOT_STATED')) expect(b.substitutes.source).toBeNull();
  });

  it('styrgrupp decides, arbetsgrupp carries out the action plan', () => {
    expect(body('styrgrupp-kommunomrade').assignments.map((a) => a.text)).toEqual(expect.arrayContaining(['Fattar beslut om verksamheten.']));
    expect(body('styrgrupp-kommunomrade').level).toBe('STRATEGIC');
    expect(body('arbetsgrupp-kommunomrade').level).toBe('OPERATIONAL');
    expect(body('beredningsgruppen').assignments[0]!.source.quote).toBe('Beredningsgruppen i Högländets samordningsförbund är styrgrupp för Uppdrag Samverkan och Samverk Högländet.');
  });

  it('reporting: samverkanskoordinator reports in writing to förbundschef at half-year and year-end (2 per year)', () => {
    const r = region.reportingDuties.find((x) => x.id === 'hoglandet:skriftlig-rapport-till-forbundschef')!;
    expect(r).toMatchObject({ artifact: 'WRITTEN_REPORT', fromRoleId: 'hoglandet:samverkanskoordinator', toText: 'förbundschef i Höglandets samordningsförbund' });
    expectCadence(r.cadence, 'vid halv- och helårsskifte', 2, 2);
    expect(r.source.quote).toBe('Lämna skriftlig rapport avseende samverkansarbetet i respektive kommunområde till förbundschef i Höglandets samordningsförbund vid halv- och helårsskifte.');
    const half = region.reportingDuties.find((x) => x.id === 'hoglandet:halvarsvisa-rapporter-resultat')!;
    expectCadence(half.cadence, 'halvårsvisa', 2, 2);
    expect(half.artifact).toBe('HALF_YEAR_REPORT');
  });

  it('roles and duties: samverkanskoordinator, förbundschef, representant, samverkanspart', () => {
    expect(region.roles.map((r) => r.title)).toEqual(expect.arrayContaining(['Samverkanskoordinator', 'Förbundschef', 'Representant i styr- och arbetsgrupp', 'Samverkanspart']));
    const k = role('samverkanskoordinator');
    expect(k.duties.length).toBe(14);
    expect(k.duties.filter((d) => d.category === 'CONVENING').map((d) => d.text)).toEqual(['Vara sammankallande för styr- och arbetsgrupper i respektive kommunområde.']);
    expect(k.duties.map((d) => d.source.quote)).toEqual(expect.arrayContaining([
      'Vara kontaktperson för andra myndigheter/vården för att lotsa till rätt avdelning inom kommunen.',
      'Genomföra planeringsdag i januari varje år för att planera aktiviteter för Samverk Höglandet.',
    ]));
    expect(role('forbundschef').duties.map((d) => d.category)).toEqual(['CONVENING', 'CONVENING']);
    expect(role('representant').duties).toHaveLength(6);
    expect(role('samverkanspart').duties[0]!.text).toBe('Utse en representant till styrgrupp, representant(er) till arbetsgrupp samt ersättare.');
  });

  it('keeps the region’s own Swedish wording in every text', () => {
    const texts = [
      ...region.bodies.flatMap((b) => [...b.purposes, ...b.assignments, ...(b.establishedBy ? [b.establishedBy] : [])].map((s) => s.text)),
      ...region.roles.flatMap((r) => r.duties.map((d) => d.text)),
      ...region.decisionRules.map((d) => d.text),
      ...region.reportingDuties.map((r) => r.description),
    ];
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => ENGLISH.test(t))).toEqual([]);
  });

  it('region-specific: four rehabilitation parties, six kommunområden, four goals', () => {
    expect(region.rehabilitationParties.map((f) => f.count)).toEqual([4]);
    expect(region.rehabilitationParties[0]!.source.quote).toBe('samverkan mellan de fyra rehabiliteringsaktörerna');
    expect(region.kommunomraden.find((f) => f.id === 'hoglandet:sex-kommunomraden')!.count).toBe(6);
    expect(region.goals).toHaveLength(4);
    for (const g of region.goals) expect(g.source.quote).toMatch(/^att /);
  });
});
