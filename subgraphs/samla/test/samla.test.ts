/**
 * SAMLA through the gateway: every analyst question answered with its quote, every served quote checked
 * against the source document on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH, expectCadence, finders, loadRegion, provenanceTests, readDocuments, type Fact, type Region } from '../../../test/support/region';

const CODE = 'samla';
const DOCS = ['004_d4ad0bc19c53bb6e.txt'];
/** The fields only samla serves, beside those every region serves. */
interface SamlaRegion extends Region {
  targetGroups: Fact[];
  chairRotation: Fact[];
}

let region: SamlaRegion;
beforeAll(async () => {
  region = await loadRegion<SamlaRegion>(CODE, 'targetGroups { ...Fact } chairRotation { ...Fact }');
});
const documentText = readDocuments(DOCS);
const { body, role } = finders(() => region, CODE);

describe('SAMLA through the gateway', () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.name).toBe('SAMLA (Lerum–Alingsås)');
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.bodies.map((b) => b.id)).toEqual([
      'samla:samordningsgruppen',
      'samla:politiska-samradsgruppen',
      'samla:au-samordningsgruppen',
      'samla:nosam',
      'samla:temagrupper',
      'samla:arbetsgrupper',
    ]);
  });

  provenanceTests(CODE, DOCS, documentText, () => region, 100);

  it('Samordningsgruppen meets about 2–3 times per half-year, plus short check-ins when needed', () => {
    const b = body('samordningsgruppen');
    expectCadence(b.cadence, 'cirka 2–3 gånger per halvår', 4, 6, true);
    expect(b.cadence!.whenNeeded).toBe(false);
    const extra = b.otherMeetings.find((m) => m.whenNeeded)!;
    expect(extra).toMatchObject({ text: 'kortare avstämningsmöten vid behov', minPerYear: null, maxPerYear: null });
    expect(extra.source.quote).toContain(extra.text);
  });

  it('the chair rotates between the huvudmän with a one-year term; the other huvudman appoints the vice chair', () => {
    const b = body('samordningsgruppen');
    expect(b.chair!.holder).toBeNull();
    expect(b.chair!.term).toBe('Mandatperiod om ett år');
    // Every fact of the office in the document's words, each with its own quote: the rotation no longer
    // adds "(regionen och kommunerna)", and the selection rule has its own source.
    expect(b.chair!.rotation).toBe('Ordförandeskapet roterar mellan huvudmännen');
    expect(b.chair!.selection).toBe('Ordförandeskapet i Samordningsgruppen följer samma huvudman som ordförandeskapet i den politiska samrådsgruppen.');
    expect(b.chair!.selectionSource!.quote).toBe(b.chair!.selection);
    expect(b.chair!.source.quote).toBe('Ordförandeskapet roterar mellan huvudmännen med en mandatperiod om ett år.');
    expect(b.chair!.termSource ?? null).toBeNull();
    expect(b.viceChair!.selection).toBe('Utses av den huvudman som inte innehar ordförandeskapet.');
    expect(b.viceChair!.rotation).toBeNull();
    expect(b.viceChair!.source.quote).toBe('Gruppen har även en vice ordförande, som utses av den huvudman som inte innehar ordförandeskapet.');
  });

  it('processledaren convenes and prepares the meetings with the AU', () => {
    const b = body('samordningsgruppen');
    expect(b.convener).toMatchObject({ who: 'Processledaren för SAMLA', source: { quote: 'Processledaren för SAMLA är sammankallande' } });
    expect(b.agendaBy!.who).toBe('Processledaren för SAMLA, i nära samverkan med AU för Samordningsgruppen');
    expect(body('au-samordningsgruppen').parent).toMatchObject({ bodyId: 'samla:samordningsgruppen', relation: 'SUPPORTS' });
  });

  it('substitutes are FORBIDDEN, with the reason in the quote', () => {
    const b = body('samordningsgruppen');
    expect(b.substitutes.rule).toBe('FORBIDDEN');
    expect(b.substitutes.source!.quote).toBe('kan representanterna inte utse ersättare vid frånvaro');
    for (const other of region.bodies.filter((x) => x.id !== b.id)) expect(other.substitutes).toMatchObject({ rule: 'NOT_STATED', source: null });
  });

  it('reporting: results back to the political consultation group, a yearly joint Årsrapport', () => {
    const back = region.reportingDuties.find((r) => r.toBodyId === 'samla:politiska-samradsgruppen')!;
    expect(back).toMatchObject({ fromBodyId: 'samla:samordningsgruppen', artifact: 'FEEDBACK', cadence: null });
    expect(back.description).toBe('Följa upp och utvärdera aktiviteter, samt återrapportera resultat till den politiska samrådsgruppen.');
    const annual = region.reportingDuties.find((r) => r.artifact === 'ANNUAL_REPORT')!;
    expectCadence(annual.cadence, 'Årlig', 1, 1);
    expect(annual.description).toBe('Årlig skriftlig sammanställning av resultat i en gemensam Årsrapport.');
    const nosam = region.reportingDuties.find((r) => r.fromBodyId === 'samla:nosam')!;
    expect(nosam.toBodyId).toBe('samla:samordningsgruppen');
  });

  it('roles: processledaren convenes and prepares; each representative has three duties; chairs only named', () => {
    expect(region.roles.map((r) => r.title)).toEqual(
      expect.arrayContaining([
        'Processledare SAMLA',
        'Delregional samordnare',
        'Ordförande i Samordningsgruppen',
        'Vice ordförande i Samordningsgruppen',
        'Representant i Samordningsgruppen',
        'NOSAM ordförande',
        'NOSAM vice ordförande',
      ]),
    );
    const pl = role('processledare-samla');
    expect(pl.kind).toBe('PROCESS_LEAD');
    expect(pl.duties.find((d) => d.category === 'CONVENING')!.text).toBe('Processledaren för SAMLA är sammankallande');
    expect(pl.duties.map((d) => d.text)).toEqual(expect.arrayContaining(['Planering av möten', 'Framtagande av underlag']));
    expect(role('representant-samordningsgruppen').duties.map((d) => d.text)).toEqual([
      'Lämna synpunkter i förväg vid förhinder.',
      'Ta del av mötesinformation i efterhand.',
      'Säkerställa en fungerande informationskedja till och från Samordningsgruppen inom den egna organisationen.',
    ]);
  });

  it('keeps the region’s own Swedish wording (typo "SAML A" fixed in text, verbatim in the quote)', () => {
    const b = body('samordningsgruppen');
    expect(b.assignments).toHaveLength(17);
    expect(b.assignments[0]!.text).toBe('Prioritera och fatta inriktningsbeslut i frågor som rör vårdsamverkan mellan kommun och region.');
    const economy = b.assignments.find((a) => a.source.quote.startsWith('Hantera SAML A ekonomi'))!;
    expect(economy.text).toBe('Hantera SAMLA ekonomi, vilket inkluderar uppföljning, prioriteringar och ekonomiska ställningstaganden.');
    const texts = [
      ...region.bodies.flatMap((x) => [...x.purposes, ...x.assignments, ...(x.establishedBy ? [x.establishedBy] : [])].map((s) => s.text)),
      ...region.roles.flatMap((r) => r.duties.map((d) => d.text)),
      ...region.decisionRules.map((d) => d.text),
      ...region.reportingDuties.map((r) => r.description),
      ...region.plans.map((p) => p.description ?? ''),
      ...region.regionalFacts.map((f) => f.value ?? ''),
    ];
    expect(texts.filter((t) => ENGLISH.test(t))).toEqual([]);
    expect(texts.filter((t) => t.includes('SAML A'))).toEqual([]);
  });

  it('region-specific: three target groups and the chair rotation', () => {
    expect(region.targetGroups.find((f) => f.count === 3)!.value).toBe('Barn och unga; Personer med psykisk ohälsa, skadligt bruk och beroende; Äldre');
    expect(region.targetGroups.map((f) => f.name)).toEqual(expect.arrayContaining(['Barn och unga', 'Äldre']));
    const rotation = Object.fromEntries(region.chairRotation.map((f) => [f.id, f]));
    expect(rotation['samla:chair-rotation-one-year']!.source.quote).toBe('Ordförandeskapet roterar mellan huvudmännen med en mandatperiod om ett år.');
    expect(rotation['samla:vice-chair-when-municipalities-chair']!.value).toBe('När kommunerna har ordförandeskapet, utses vice ordförande av regionen.');
    expect(region.chairRotation).toHaveLength(4);
  });

  it('the dialogue with NOSAM is networking, not a report: no reporting duty goes from Samordningsgruppen down to NOSAM', () => {
    const dialog = 'Dialog med NOSAM Lerum och Alingsås kopplat till deras aktivitetsplaner och insatser för prioriterade målgrupper.';
    expect(documentText.get(DOCS[0])).toContain(dialog);
    expect(body('samordningsgruppen').assignments.find((a) => a.source.quote === dialog)!.category).toBe('NETWORKING');
    expect(region.reportingDuties.filter((r) => r.source.quote === dialog)).toEqual([]);
    // the chain points upward only: NOSAM raises matters to Samordningsgruppen, nothing is reported back down
    expect(region.reportingDuties.filter((r) => r.fromBodyId === 'samla:samordningsgruppen' && r.toBodyId === 'samla:nosam')).toEqual([]);
    expect(body('nosam').parent).toMatchObject({ bodyId: 'samla:samordningsgruppen' });
    // the dialogue is Samordningsgruppen's duty (under its Uppföljning), never NOSAM's own assignment
    expect(body('nosam').assignments.filter((a) => a.source.quote === dialog)).toEqual([]);
  });

  it('Samordningsgruppen is a management group: it decides direction, handles the economy and sets up theme groups (reason quoted in a note)', () => {
    const b = body('samordningsgruppen');
    expect(b.kind).toBe('MANAGEMENT_GROUP');
    const cat = (quote: string) => b.assignments.find((a) => a.source.quote === quote)?.category;
    expect(cat('Prioritera och fatta inriktningsbeslut i frågor som rör vårdsamverkan mellan kommun och region.')).toBe('DECISION_MAKING');
    expect(cat('Besluta om att tillsätta Temagrupper eller arbetsgrupper när det krävs fördjupning inom ett visst samverkansområde.')).toBe('DECISION_MAKING');
    expect(cat('Följa upp och utvärdera aktiviteter, samt återrapportera resultat till den politiska samrådsgruppen.')).toBe('REPORTING');
    const reason = b.notes.find((n) => n.startsWith('Kind MANAGEMENT_GROUP'))!;
    // every phrase the note quotes stands in the document
    const quoted = [...reason.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    for (const q of quoted) expect(documentText.get(DOCS[0]), q).toContain(q);
  });
});
