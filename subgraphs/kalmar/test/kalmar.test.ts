/**
 * Kalmar län through the gateway: every analyst question answered with its quote, every served quote checked
 * against the source document on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gqlOk } from '../../../test/support/client';

const CODE = 'kalmar';
const DOCS = ['002_b6f78db4ef6f618f.txt'];
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
  presidiekonferensCycle: Fact[]; userInvolvement: Fact[];
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
    r: kalmar {
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
    r: kalmar {
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
    r: kalmar {
      plans { id name kind description revision { ...Cad } source { ...Src } }
      decisionRules { id text source { ...Src } }
      regionalFacts { ...Fact }
      presidiekonferensCycle { ...Fact } userInvolvement { ...Fact }
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

describe('Kalmar län through the gateway', () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.name).toBe('Kalmar län');
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.bodies.map((b) => b.name)).toEqual(expect.arrayContaining([
      'Gemensam presidiekonferens', 'Länsgemensam ledning', 'Samordnande grupper', 'Samverkansområdesgrupper',
      'Informationsöverföringsgruppen', 'Beredningsgruppen', 'Arbetsgrupper/referensgrupper', 'Utvecklingsledarträffarna',
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

  it('the joint presidium conference meets twice every year', () => {
    const b = body('gemensam-presidiekonferens');
    expect(b.level).toBe('POLITICAL');
    expectCadence(b.cadence, 'Två gånger varje år', 2, 2);
    expect(b.cadence!.whenNeeded).toBe(false);
    expect(b.cadence!.source.quote).toBe('Två gånger varje år träffas berörda politiker från Region Kalmar län och de tolv kommunerna');
    expect(b.assignments.map((a) => a.text)).toContain('Arbetet i Läns gemensam ledning ska följas upp och redovisas på presidiekonferenserna');
  });

  it('states no other meeting frequency, no chair office, no convener and no substitute rule: nothing is invented', () => {
    expect(region.bodies.filter((b) => b.cadence).map((b) => b.id)).toEqual(['kalmar:gemensam-presidiekonferens']);
    for (const b of region.bodies) {
      expect(b.chair, b.id).toBeNull();
      expect(b.convener, b.id).toBeNull();
      expect(b.substitutes, b.id).toMatchObject({ rule: 'NOT_STATED', source: null });
    }
  });

  it('Länsgemensam ledning: composition with seats, decides goals, plans and budgets, reports to the presidiekonferens', () => {
    const b = body('lansgemensam-ledning');
    expect(b.parent).toMatchObject({ bodyId: 'kalmar:gemensam-presidiekonferens', relation: 'REPORTS_TO' });
    expect(b.composition.find((m) => m.function === 'förvaltningschefer och stabschefer')!.seats).toMatchObject({ min: 7, max: 7 });
    expect(b.composition.find((m) => m.function === 'brukarrepresentanter')!.seats).toMatchObject({ min: 2, max: 2 });
    expect(b.assignments.map((a) => a.text)).toEqual(expect.arrayContaining([
      'Besluta om mål för respektive samordnande grupp/ samverkansområdesgrupp',
      'Fastställa budget för respektive samordnande grupp/ samverkansområdesgrupp',
    ]));
    expect(b.establishedBy!.text).toBe('Läns-gemensam ledning i samverkan inom socialtjänst och angränsande område hälso- och sjukvård bildades 2013');
    expect(b.minutes!.kept).toBe(true);
    const up = region.reportingDuties.find((r) => r.toBodyId === 'kalmar:gemensam-presidiekonferens')!;
    expect(up).toMatchObject({ fromBodyId: 'kalmar:lansgemensam-ledning', artifact: 'FOLLOW_UP' });
    expect(up.source.quote).toBe('Arbetet i Läns gemensam ledning ska följas upp och redovisas på presidiekonferenserna');
  });

  it('samordnande grupper: three + three representatives and one each for folkhälsa, brukarmedverkan, hab/rehab', () => {
    const b = body('samordnande-grupper');
    const seats = Object.fromEntries(b.composition.filter((m) => m.seats).map((m) => [m.seats!.text, m.seats!.min]));
    expect(seats).toMatchObject({
      'Tre representanter från kommuner': 3, 'Tre representanter från Region Kalmar län': 3,
      'En representant för folkhälsa': 1, 'En representant för brukarmedverkan': 1, 'En representant för hab/rehab': 1,
    });
    expect(b.parent).toMatchObject({ bodyId: 'kalmar:lansgemensam-ledning', relation: 'REPORTS_TO' });
  });

  it('who reports what to whom: utvecklingsledare and coordinating groups report back, Beredningsgruppen prepares', () => {
    const byId = (id: string) => region.reportingDuties.find((r) => r.id === `kalmar:${id}`)!;
    expect(byId('utvecklingsledare-aterrapport-samordnande-grupp')).toMatchObject({ fromRoleId: 'kalmar:utvecklingsledare', toBodyId: 'kalmar:samordnande-grupper', cadence: null });
    expect(byId('utvecklingsledare-aterrapport-lansgemensam-ledning')).toMatchObject({ fromRoleId: 'kalmar:utvecklingsledare', toBodyId: 'kalmar:lansgemensam-ledning' });
    expect(byId('utvecklingsledare-aterrapport-lansgemensam-ledning').source.quote)
      .toBe('Följa upp arbetet i kommunerna och Region Kalmar län och återrapportera till den samordnande gruppen och till Läns-gemensam ledning');
    expect(byId('samordnande-grupper-aterkoppling')).toMatchObject({ fromBodyId: 'kalmar:samordnande-grupper', toBodyId: 'kalmar:lansgemensam-ledning', artifact: 'FEEDBACK' });
    expect(byId('beredningsgruppen-bereda-arenden')).toMatchObject({ fromBodyId: 'kalmar:beredningsgruppen', toBodyId: 'kalmar:lansgemensam-ledning' });
    for (const r of region.reportingDuties) expect(r.description, r.id).not.toMatch(ENGLISH);
  });

  it('roles and their duties: samordnare, utvecklingsledare, deltagare; chair roles only named', () => {
    expect(region.roles.map((r) => r.title)).toEqual(expect.arrayContaining([
      'Samordnare', 'Utvecklingsledare', 'Verksamhetsledare hälsa och social välfärd', 'Verksamhetsledare unga och utbildning',
      'Ordförande', 'Vice ordförande', 'Brukarrepresentant', 'Deltagare i samordnande grupp',
    ]));
    const ul = role('utvecklingsledare');
    expect(ul.duties.map((d) => d.text)).toEqual(expect.arrayContaining([
      'Leda arbetet i den samordnande gruppen',
      'Omvärldsbevaka och hålla den samordnande gruppen uppdaterad kring vad som händer och är på gång inom området',
    ]));
    expect(ul.duties.find((d) => d.category === 'FOLLOW_UP_EVALUATION')!.source.quote).toContain('återrapportera');
    expect(role('samordnare').duties.map((d) => d.text)).toContain('Leda och samordna utvecklingsledarnas arbete');
    expect(role('deltagare-samordnande-grupp').duties.find((d) => d.category === 'REPORTING')!.text).toBe('Återkoppla arbetet till länsgemensam ledning i samverkan');
    expect(role('ordforande').duties).toEqual([]);
    expect(role('ordforande').source.quote).toContain('Beredningsgruppen består av ordföranden');
  });

  it('keeps the region’s own Swedish wording in every text and decision rule', () => {
    const texts = [
      ...region.bodies.flatMap((b) => [...b.purposes, ...b.assignments, ...(b.establishedBy ? [b.establishedBy] : [])].map((s) => s.text)),
      ...region.roles.flatMap((r) => r.duties.map((d) => d.text)),
      ...region.decisionRules.map((d) => d.text),
    ];
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => ENGLISH.test(t))).toEqual([]);
    expect(region.decisionRules.find((d) => d.id === 'kalmar:arbetsgrupp-upploses')!.text).toBe('Efter avslutat uppdrag upplöses gruppen');
  });

  it('plans: the two-year steering document every other year, the annual cycle yearly', () => {
    const plan = (id: string) => region.plans.find((p) => p.id === `kalmar:${id}`)!;
    expectCadence(plan('kalmar-tvaarigt-styrdokument').revision, 'vart annat år', 0.5, 0.5);
    expectCadence(plan('kalmar-arshjul').revision, 'årsvis', 1, 1);
  });

  it('region-specific: the presidiekonferens cycle and user involvement', () => {
    const cycle = Object.fromEntries(region.presidiekonferensCycle.map((f) => [f.id, f]));
    expect(cycle['kalmar:kalmar-presidiekonferens-twice-yearly']!.count).toBe(2);
    expect(cycle['kalmar:kalmar-presidiekonferens-styrdokument']!.source.quote).toMatch(/^På höstens presidiekonferens vart annat år beslutas/);
    expect(region.presidiekonferensCycle).toHaveLength(3);
    const users = Object.fromEntries(region.userInvolvement.map((f) => [f.id, f]));
    expect(users['kalmar:kalmar-brukarrepresentanter']!.count).toBe(2);
    expect(users['kalmar:kalmar-brukarmedverkan-utvecklingsledare']).toMatchObject({ count: 2, source: { quote: 'Till stöd finns två utvecklingsledare.' } });
    expect(users['kalmar:kalmar-brukarmedverkan-representant']!.value).toBe('En representant för brukarmedverkan (utses av samverkansområdesgruppen)');
  });
});
