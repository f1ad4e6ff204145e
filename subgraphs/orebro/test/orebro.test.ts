/**
 * Örebro län through the gateway: the questions an analyst asks (who chairs, who convenes, how often,
 * who reports what to whom, substitutes, roles and duties, levels and länsdelar), each answered WITH
 * its quote, and every served quote checked against the source document on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH, expectCadence, finders, loadRegion, provenanceTests, readDocuments, type Fact, type Region } from '../../../test/support/region';

const CODE = 'orebro';
const DOCS = ['000_15e43a147f007275.txt', '001_c8e7a0a63f5e6cbb.txt'];
/** The fields only orebro serves, beside those every region serves. */
interface OrebroRegion extends Region {
  levels: Fact[];
  lansdelar: Fact[];
}

let region: OrebroRegion;
beforeAll(async () => {
  region = await loadRegion<OrebroRegion>(CODE, 'levels { ...Fact } lansdelar { ...Fact }');
});
const documentText = readDocuments(DOCS);
const { body, role } = finders(() => region, CODE);

describe('Örebro län through the gateway', () => {
  it('answers from both of its documents', () => {
    expect(region.code).toBe(CODE);
    expect(region.name).toBe('Örebro län');
    expect(region.documents.map((d) => d.file).sort()).toEqual(DOCS);
    expect(new Set(region.bodies.map((b) => b.document))).toEqual(new Set(DOCS));
  });

  provenanceTests(CODE, DOCS, documentText, () => region, 250);

  describe('chefsgrupp för social välfärd samt vård och omsorg', () => {
    it('meets at least six times a year, convened by the chair', () => {
      const b = body('chefsgrupp-social-valfard-vard-omsorg');
      expect(b.name).toBe('Chefsgrupp för social välfärd samt vård och omsorg');
      expectCadence(b.cadence, 'minst sex gånger per år', 6, null);
      expect(b.cadence!.whenNeeded).toBe(false);
      expect(b.convener!.who).toBe('Ordföranden');
      expect(b.convener!.source.quote).toBe('Chefsgruppen sammanträder minst sex gånger per år och ordföranden svarar för kallelse.');
      const joint = b.otherMeetings.find((m) => m.text === 'minst ett gemensamt möte per år');
      expectCadence(joint, 'minst ett gemensamt möte per år', 1, null);
    });

    it('is chaired by one of Region Örebro läns representatives; the municipalities choose the vice chair', () => {
      const b = body('chefsgrupp-social-valfard-vard-omsorg');
      expect(b.chair!.holder).toBe('En av Region Örebro läns representanter');
      expect(b.chair!.source.quote).toBe('En av Region Örebro läns representanter är ordförande för chefsgruppen.');
      expect(b.viceChair!.selection).toMatch(/^Kommunerna utser tillsammans/);
      expect(b.viceChair!.source.quote).toBe('Kommunerna utser tillsammans en vice ordförande.');
    });

    it('keeps minutes and sends them with a decision summary to those concerned', () => {
      const b = body('chefsgrupp-social-valfard-vard-omsorg');
      expect(b.minutes!.kept).toBe(true);
      const minutes = region.reportingDuties.filter((r) => r.fromBodyId === b.id);
      expect(minutes.map((r) => r.artifact)).toEqual(expect.arrayContaining(['MINUTES', 'DECISION_SUMMARY']));
      for (const r of minutes.filter((x) => x.artifact === 'MINUTES' || x.artifact === 'DECISION_SUMMARY')) {
        expect(r.toText).toBe('Berörda');
        expect(r.source.quote).toContain('skickas ut till berörda');
      }
      expect(b.noticeContent!.source.quote).toContain('Kallelse ska innehålla en sammanfattning');
    });
  });

  it('chefsgrupp för folkhälsa: six times a year, chair convenes, vice chair chosen by kommunerna, ÖLBF and RF-SISU', () => {
    const b = body('chefsgrupp-folkhalsa');
    expectCadence(b.cadence, 'minst sex gånger per år', 6, null);
    expect(b.cadence!.source.quote).toBe('Chefsgruppen för folkhälsa sammanträder minst sex gånger per år.');
    expect(b.convener).toMatchObject({ who: 'Ordföranden', source: { quote: 'Ordföranden svarar för kallelse.' } });
    expect(b.chair!.holder).toBe('En av Region Örebro läns representanter');
    expect(b.viceChair!.source.quote).toBe('Kommunerna, ÖLBF och RF-SISU utser tillsammans en vice ordförande för chefsgruppen.');
    expect(b.agendaBy!.who).toBe('Arbetsutskottet');
  });

  it('samverkansgrupp barn och unga: about six times a year, shared chair, substitutes appointed', () => {
    const b = body('samverkansgrupp-barn-och-unga');
    expectCadence(b.cadence, 'cirka sex gånger per år', 6, 6, true);
    expect(b.chair!.source.quote).toBe(
      'Ansvar för ordförandeskap delas mellan områdeschef välfärd och folkhälsa och områdeschef utbildning och arbetsmarknad.',
    );
    // The shared chair in the document's own words (it said "Delat mellan de två områdescheferna", a paraphrase, before).
    expect(b.chair!.holder).toBe('delas mellan områdeschef välfärd och folkhälsa och områdeschef utbildning och arbetsmarknad');
    expect(b.chair!.source.quote).toContain(b.chair!.holder!);
    expect(b.chair!.rotation).toBeNull();
    expect(b.convener).toMatchObject({ who: 'Ordföranden', source: { quote: 'Ordföranden ansvarar för kallelse och att minnesanteckningar förs.' } });
    expect(b.minutes!.kept).toBe(true);
    expect(b.substitutes).toMatchObject({ rule: 'REQUIRED', source: { quote: 'Ersättare för respektive deltagare utses.' } });
  });

  it('länsdelsgrupp: four of them, substitutes REQUIRED, chair chosen among the representatives for at least a year, no invented frequency', () => {
    const b = body('lansdelsgrupp');
    expect(b.kind).toBe('SUB_COUNTY_GROUP');
    expect(b.level).toBe('TACTICAL');
    expect(b.instances!.count).toBe(4);
    expect(b.substitutes.rule).toBe('REQUIRED');
    expect(b.substitutes.source!.quote).toBe('Verksamheterna ska utse ersättare vid frånvaro.');
    expect(b.chair!.selection).toMatch(/bland länsdelsgruppens representanter/);
    expect(b.chair!.term).toMatch(/[Mm]inst ett år i taget/);
    expect(b.chair!.source.quote).toBe('Ordförande för länsdelsgruppen utses bland länsdelsgruppens representanter för minst ett år i taget.');
    expect(b.agendaBy!.who).toBe('Länsdelsgruppens arbetsutskott');
    expect(b.cadence).toBeNull(); // the document leaves the frequency to the annual planning
  });

  it('every body with a chair says how it is filled, with a quote; every stated substitute rule has a quote', () => {
    const chaired = region.bodies.filter((b) => b.chair);
    expect(chaired.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'orebro:chefsgrupp-social-valfard-vard-omsorg',
        'orebro:chefsgrupp-folkhalsa',
        'orebro:samverkansgrupp-barn-och-unga',
        'orebro:lansdelsgrupp',
      ]),
    );
    for (const b of chaired) {
      expect(b.chair!.holder ?? b.chair!.selection ?? b.chair!.rotation, b.id).toBeTruthy();
      expect(b.chair!.source.quote).toMatch(/ordför/i);
    }
    for (const b of region.bodies) {
      if (b.substitutes.rule === 'NOT_STATED') expect(b.substitutes.source, b.id).toBeNull();
      else expect(b.substitutes.source!.quote, b.id).toMatch(/rsättare/);
      if (b.cadence) expect(b.cadence.source.quote).toContain(b.cadence.text);
    }
  });

  it('reporting: local groupings report regularly to the länsdelsgrupper, each group plans its follow-up yearly', () => {
    const local = region.reportingDuties.find((r) => r.id === 'orebro:lokala-samverkansgrupperingar-aterrapportering')!;
    expect(local).toMatchObject({ fromBodyId: 'orebro:lokala-samverkansgrupperingar', toBodyId: 'orebro:lansdelsgrupp' });
    expect(local.cadence).toMatchObject({ text: 'regelbundet', minPerYear: null, maxPerYear: null });
    expect(local.source.quote).toBe(
      'De lokala samverkansgrupperingarna ska regelbundet återrapportera genomförda aktiviteter och frågor som behöver lösas på övergripande nivå till länsdelsgrupper.',
    );
    const yearly = region.reportingDuties.find((r) => r.id === 'orebro:arlig-uppfoljning-rapporteras')!;
    expect(yearly.cadence).toMatchObject({ minPerYear: 1, maxPerYear: 1 });
    const kcrd = region.reportingDuties.find((r) => r.toBodyId === 'orebro:kcrd')!;
    expect(kcrd.source.quote).toContain('KCRD för ställningstagande');
  });

  it('samverkansledare: convenes and keeps the minutes of the länsdelsgrupp, among its duties in Swedish', () => {
    const r = role('samverkansledare');
    expect(r.kind).toBe('COORDINATOR');
    expect(r.servesBodyIds).toContain('orebro:lansdelsgrupp');
    const convening = r.duties.find((d) => d.category === 'CONVENING' && d.text === 'Kalla till möten i länsdelsgrupp.')!;
    expect(convening.source.quote).toBe('Kalla till möten och föra minnesanteckningar i länsdelsgrupp.');
    const minutes = r.duties.find((d) => d.category === 'MINUTES')!;
    expect(minutes.text).toBe('Föra minnesanteckningar i länsdelsgrupp.');
    expect(r.duties.map((d) => d.source.quote)).toEqual(
      expect.arrayContaining(['Samordna revidering och uppföljning av handlingsplan.', 'Dialog och erfarenhetsutbyte med de andra samverkansledarna.']),
    );
    expect(r.duties.length).toBeGreaterThanOrEqual(17);
  });

  it('lists the roles of both documents with their duties', () => {
    expect(region.roles.map((r) => r.title)).toEqual(
      expect.arrayContaining([
        'Samverkansledare',
        'Metodhandledare (ViSam)',
        'Utvecklingsledare (område välfärd och folkhälsa)',
        'Medicinsk rådgivare från hälso- och sjukvården',
        'Ordförande, chefsgrupp för social välfärd samt vård och omsorg',
        'Ordförande, länsdelsgrupp',
      ]),
    );
    const chair = role('ordforande-chefsgrupp-social-valfard-vard-omsorg');
    expect(chair.duties.find((d) => d.category === 'CONVENING')!.source.quote).toContain('ordföranden svarar för kallelse');
    expect(role('socialchef-och-vardcentralchef-lokal-samverkan').duties[0]!.source.quote).toBe(
      'Socialchef och chef för vårdcentralen i respektive kommun ansvarar för att lokal samverkan upprätthålls.',
    );
  });

  it('keeps the region’s own Swedish wording in every text', () => {
    const texts = [
      ...region.bodies.flatMap((b) => [...b.purposes, ...b.assignments, ...(b.establishedBy ? [b.establishedBy] : [])].map((s) => s.text)),
      ...region.roles.flatMap((r) => r.duties.map((d) => d.text)),
      ...region.decisionRules.map((d) => d.text),
    ];
    expect(texts.length).toBeGreaterThan(80);
    expect(texts.filter((t) => ENGLISH.test(t))).toEqual([]);
  });

  it('region-specific: the three levels and the four länsdelar', () => {
    expect(region.levels.map((l) => l.name)).toEqual(expect.arrayContaining(['Makro/strategisk nivå', 'Meso/taktisk nivå', 'Mikro/operativ nivå']));
    expect(region.levels.find((l) => l.name === 'Meso/taktisk nivå')!.source.quote).toMatch(
      /^Meso\/taktisk nivå: Verksamhetschefer inom regionen och kommunerna\./,
    );
    expect(region.lansdelar).toHaveLength(1);
    expect(region.lansdelar[0]!.source.quote).toContain('de fyra länsdelarna');
    expect(region.regionalFacts.find((f) => f.id === 'orebro:samverkansledare-sedan-2015')!.count).toBe(4);
  });

  it('levels: the operational level is the local groups; the chefsgrupp-appointed working groups are permanent and temporary, as the text says', () => {
    const doc = documentText.get('001_c8e7a0a63f5e6cbb.txt')!;
    expect(doc).toContain('Länsdelsgrupperna den taktiska nivån och de lokala samverkansgrupperingarna är den operativa nivån.');
    expect(region.bodies.filter((b) => b.level === 'OPERATIONAL').map((b) => b.id)).toEqual(['orebro:lokala-samverkansgrupperingar']);
    const mandate =
      'Chefsgrupperna för välfärd samt vård och omsorg och folkhälsa har mandat att utse permanenta och tillfälliga arbetsgrupper eller motsvarande inom verksamhetsområdet.';
    expect(doc).toContain(mandate);
    const appointed = region.bodies.filter((b) => b.parent?.relation === 'APPOINTED_BY' && b.parent.bodyId === 'orebro:chefsgrupp-social-valfard-vard-omsorg');
    expect(appointed.map((b) => [b.permanence, b.level]).sort()).toEqual([
      ['PERMANENT', null],
      ['TEMPORARY', null],
    ]);
    for (const b of appointed) expect(b.permanenceSource!.quote).toBe(mandate);
  });

  it('Samverkansgrupp barn och unga prepares matters for the chefsgrupper: a parent link and a proposal to each chefsgrupp', () => {
    const quote = 'Bereda och samordna frågor för behandling i chefsgrupperna';
    expect(documentText.get('001_c8e7a0a63f5e6cbb.txt')).toContain(quote);
    const b = body('samverkansgrupp-barn-och-unga');
    expect(b.parent).toMatchObject({ bodyId: 'orebro:chefsgrupp-social-valfard-vard-omsorg', source: { quote } });
    const up = region.reportingDuties.filter((r) => r.fromBodyId === b.id && r.source.quote === quote);
    expect(up.map((r) => [r.artifact, r.toBodyId]).sort()).toEqual([
      ['DECISION_PROPOSAL', 'orebro:chefsgrupp-folkhalsa'],
      ['DECISION_PROPOSAL', 'orebro:chefsgrupp-social-valfard-vard-omsorg'],
    ]);
    expect(b.assignments.find((a) => a.source.quote === quote)!.category).toBe('DECISION_PREPARATION');
  });

  it('group duties carry their category: decisions, follow-up, reporting back', () => {
    const cat = (slug: string, quoteStart: string) =>
      body(slug)
        .assignments.filter((a) => a.source.quote.startsWith(quoteStart))
        .map((a) => a.category);
    expect(cat('chefsgrupp-folkhalsa', 'Då chefsgrupp folkhälsa företräder parterna')).toContain('DECISION_MAKING');
    expect(cat('chefsgrupp-social-valfard-vard-omsorg', 'Chefsgruppen har också ett ansvar för att beslutade överenskommelser följs upp')).toContain(
      'FOLLOW_UP_EVALUATION',
    );
    expect(cat('lokala-samverkansgrupperingar', 'De lokala samverkansgrupperingarna ska regelbundet återrapportera')).toEqual(['REPORTING']);
  });

  it('roles named in passing are roles: those who appoint the chefsgrupp representatives, the områdeschefer', () => {
    const doc = documentText.get('001_c8e7a0a63f5e6cbb.txt')!;
    for (const [slug, word, kind] of [
      ['regiondirektor', 'Regiondirektör', 'DIRECTOR'],
      ['kommundirektor-kommunchef', 'Kommundirektör/Kommunchef', 'DIRECTOR'],
      ['omradeschef-valfard-och-folkhalsa', 'områdeschef för välfärd och folkhälsa', 'OPERATIONS_MANAGER'],
      ['omradeschef-utbildning-och-arbetsmarknad', 'Områdeschef från utbildning och arbetsmarknad', 'OPERATIONS_MANAGER'],
    ] as const) {
      const r = role(slug);
      expect(doc).toContain(r.source.quote);
      expect(r.source.quote, slug).toContain(word);
      expect(r.kind, slug).toBe(kind);
      for (const d of r.duties) expect(doc).toContain(d.source.quote);
    }
    expect(role('regiondirektor').duties.map((d) => d.source.quote)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Regiondirektör\/Hälso- och sjukvårdsdirektör utser/)]),
    );
    expect(role('omradeschef-utbildning-och-arbetsmarknad').duties).toEqual([]);
  });
});
