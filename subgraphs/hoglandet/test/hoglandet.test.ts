/**
 * Höglandet through the gateway: every analyst question answered with its quote, every served quote checked
 * against the source document on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH, expectCadence, finders, loadRegion, provenanceTests, readDocuments, type Fact, type Region } from '../../../test/support/region';

const CODE = 'hoglandet';
const DOCS = ['003_3bddda7b82c4b001.txt'];
/** The fields only hoglandet serves, beside those every region serves. */
interface HoglandetRegion extends Region {
  rehabilitationParties: Fact[];
  kommunomraden: Fact[];
  goals: Fact[];
}

let region: HoglandetRegion;
beforeAll(async () => {
  region = await loadRegion<HoglandetRegion>(CODE, 'rehabilitationParties { ...Fact } kommunomraden { ...Fact } goals { ...Fact }');
});
const documentText = readDocuments(DOCS);
const { body, role } = finders(() => region, CODE);

describe('Höglandet through the gateway', () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.bodies.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'hoglandet:hoglandets-samordningsforbund',
        'hoglandet:styrelsen',
        'hoglandet:beredningsgruppen',
        'hoglandet:samverk-hoglandet',
        'hoglandet:styrgrupp-kommunomrade',
        'hoglandet:arbetsgrupp-kommunomrade',
        'hoglandet:natverk-samverkanskoordinatorer',
      ]),
    );
  });

  provenanceTests(CODE, DOCS, documentText, () => region, 100);

  it('who convenes: förbundschef for Beredningsgruppen and Samverk Höglandet, samverkanskoordinatorerna for styr- och arbetsgrupper', () => {
    for (const slug of ['beredningsgruppen', 'samverk-hoglandet']) {
      expect(body(slug).convener).toMatchObject({
        who: 'Förbundschef',
        source: { quote: 'Förbundschef är sammankallande för beredningsgruppen och Samverk Högländet.' },
      });
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
    expect(body('beredningsgruppen').assignments[0]!.source.quote).toBe(
      'Beredningsgruppen i Högländets samordningsförbund är styrgrupp för Uppdrag Samverkan och Samverk Högländet.',
    );
  });

  it('reporting: the koordinator reports in writing to the förbundschef (a role) at the half-year and at the year end', () => {
    const doc = documentText.get(DOCS[0])!;
    const written =
      'Lämna skriftlig rapport avseende samverkansarbetet i respektive kommunområde till förbundschef i Höglandets samordningsförbund vid halv- och helårsskifte.';
    expect(doc).toContain(written);
    const chef = role('forbundschef');
    expect(doc).toContain(chef.source.quote);
    expect(chef.source.quote).toMatch(/^Förbundschef /);
    const fromKoordinator = region.reportingDuties.filter((r) => r.fromRoleId === 'hoglandet:samverkanskoordinator' && r.source.quote === written);
    // "vid halv- och helårsskifte": one reporting stream, twice a year, to the förbundschef (it was three
    // duties before: a half-year, a year-end and a "halvårsvisa rapporter" duty, the year-end counted twice)
    expect(fromKoordinator.map((r) => r.artifact)).toEqual(['HALF_YEAR_REPORT']);
    expect(fromKoordinator[0]).toMatchObject({ toRoleId: chef.id, toBodyId: null, toText: 'förbundschef i Höglandets samordningsförbund' });
    expectCadence(fromKoordinator[0]!.cadence, 'vid halv- och helårsskifte', 2, 2);
    expect(
      region.reportingDuties.filter((r) => r.fromRoleId === 'hoglandet:samverkanskoordinator' && /HALF_YEAR_REPORT|ANNUAL_REPORT/.test(r.artifact)),
    ).toHaveLength(1);
    // NOT_STATED means silence: no report of the koordinator is left without its stated recipient
    for (const r of region.reportingDuties.filter((x) => x.artifact === 'HALF_YEAR_REPORT' || x.artifact === 'ANNUAL_REPORT')) {
      expect(r.toText, r.id).not.toMatch(/not stated/i);
    }
  });

  it('Beredningsgruppen is the steering group of Uppdrag Samverkan, convened by the förbundschef; the kommunområde groups sit under it', () => {
    const doc = documentText.get(DOCS[0])!;
    const bg = body('beredningsgruppen');
    expect(bg.kind).toBe('STEERING_GROUP');
    expect(bg.assignments.map((a) => a.source.quote)).toContain(
      'Beredningsgruppen i Högländets samordningsförbund är styrgrupp för Uppdrag Samverkan och Samverk Högländet.',
    );
    expect(bg.convener).toMatchObject({
      who: 'Förbundschef',
      source: { quote: 'Förbundschef är sammankallande för beredningsgruppen och Samverk Högländet.' },
    });
    expect(doc).toContain(bg.convener!.source.quote);
    // the kommunområde groups, convened by the koordinatorer, are under Beredningsgruppen, never above it
    const sg = body('styrgrupp-kommunomrade');
    expect(sg.parent).toMatchObject({ bodyId: bg.id, relation: 'STEERED_BY' });
    expect(sg.parent!.source.quote).toContain('är styrgrupp för Uppdrag Samverkan');
    expect(sg.convener!.source.quote).toBe('Samverkanskoordinatorerna är sammankallande för styr- och arbetsgrupper i respektive kommunområde.');
    expect(body('arbetsgrupp-kommunomrade').parent!.bodyId).toBe(sg.id);
    // no body is placed above Beredningsgruppen's level, and it comes first among those at its level
    const rank = ['POLITICAL', 'STRATEGIC', 'TACTICAL', 'OPERATIONAL'];
    const leveled = region.bodies.filter((b) => b.level);
    const best = Math.min(...leveled.map((b) => rank.indexOf(b.level!)));
    expect(leveled.find((b) => rank.indexOf(b.level!) === best)!.id).toBe(bg.id);
    expect(bg.levelSource!.quote).toContain('strategiskt');
  });

  it('group duties carry their category: the styrgrupp decides, the arbetsgrupp carries out the action plan', () => {
    const cat = (slug: string, quoteStart: string, text: string) =>
      body(slug).assignments.find((a) => a.source.quote.startsWith(quoteStart) && a.text === text)?.category;
    expect(cat('styrgrupp-kommunomrade', 'Styrgruppen arbetar strategiskt och fattar beslut om verksamheten', 'Fattar beslut om verksamheten.')).toBe(
      'DECISION_MAKING',
    );
    expect(
      cat('arbetsgrupp-kommunomrade', 'Arbetsgruppen är den operativa delen', 'Verkställer mål och aktiviteter i handlingsplanen utifrån styrgruppens beslut.'),
    ).toBe('ACTION_PLAN');
    expect(cat('styrelsen', 'Styrelsen tog beslut', body('styrelsen').assignments[0]!.text)).toBe('DECISION_MAKING');
  });

  it('roles and duties: samverkanskoordinator, förbundschef, representant, samverkanspart', () => {
    expect(region.roles.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Samverkanskoordinator', 'Förbundschef', 'Representant i styr- och arbetsgrupp', 'Samverkanspart']),
    );
    const k = role('samverkanskoordinator');
    expect(k.duties.length).toBe(14);
    expect(k.duties.filter((d) => d.category === 'CONVENING').map((d) => d.text)).toEqual([
      'Vara sammankallande för styr- och arbetsgrupper i respektive kommunområde.',
    ]);
    expect(k.duties.map((d) => d.source.quote)).toEqual(
      expect.arrayContaining([
        'Vara kontaktperson för andra myndigheter/vården för att lotsa till rätt avdelning inom kommunen.',
        'Genomföra planeringsdag i januari varje år för att planera aktiviteter för Samverk Höglandet.',
      ]),
    );
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
