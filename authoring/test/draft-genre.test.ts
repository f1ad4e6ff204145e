// The draft on a document of the genre that none of the rules were written from: a fictional
// samordningsförbund's structure (fixtures/mellansjo.txt, about 1,400 words written for this test).
// It checks what a new document showed the draft missing: a body mentioned again under another form
// is the same body, "X tillsätts av Y" gives X's parent, the document's validity and its dated event,
// and substitute rules worded as permissions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileSchema, checkAgainstDocument } from '@samverkan/contract';
import { draftDocument } from '../src/draft';

const TEXT = readFileSync(join(import.meta.dirname, 'fixtures', 'mellansjo.txt'), 'utf8');
const data = draftDocument(TEXT, { fileName: 'mellansjo.txt' });
const body = (name: string) => data.bodies.find((b) => b.name === name)!;
const LEDNINGSGRUPPEN = 'Ledningsgruppen för samverkan i Mellansjö';

describe('the draft of a new document of the genre', () => {
  it('fits the schema and quotes the text', () => {
    expect(DataFileSchema.safeParse(data).success).toBe(true);
    expect(checkAgainstDocument(data, TEXT)).toEqual([]);
  });

  it('proposes each body once, however the text writes it', () => {
    // "ledningsgruppen" is the Ledningsgruppen för samverkan i Mellansjö, "styrelsen" the Förbundsstyrelsen,
    // "Referensgruppen" the Referensgruppen för brukarinflytande, "Gruppen"/"Nätverket" the section's own.
    expect(data.bodies.map((b) => b.name)).toEqual([
      'Samordningsförbundet Mellansjö',
      'Förbundsstyrelsen',
      'Arbetsutskottet',
      LEDNINGSGRUPPEN,
      'Beredningsgruppen',
      'Lokala samverkansgrupper',
      'Referensgruppen för brukarinflytande',
      'Samverkansforum',
      'Nätverket för arbetsmarknadssamordnare',
      'Styrgrupp',
      'Länsgemensamma nätverket',
    ]);
    const ledningsgruppen = body(LEDNINGSGRUPPEN).id;
    // Mentions in other sections resolve to it: the reports "till ledningsgruppen".
    expect(data.reportingDuties.filter((r) => r.toBodyId === ledningsgruppen).map((r) => r.fromBodyId)).toEqual([
      body('Beredningsgruppen').id,
      body('Lokala samverkansgrupper').id,
    ]);
    // Its members are the list under its own "Sammansättning", not a second group's.
    expect(body(LEDNINGSGRUPPEN).composition.map((m) => m.source.quote)).toEqual([
      'en chef från varje kommuns socialtjänst',
      'två chefer från Region Sjölandet',
      'en chef från Försäkringskassan',
      'en chef från Arbetsförmedlingen',
    ]);
    expect(body(LEDNINGSGRUPPEN).cadence?.text).toBe('fyra gånger per år');
  });

  it('reads "X tillsätts av Y", "utses av", "är underställt" as X\'s parent', () => {
    const parents = data.bodies
      .filter((b) => b.parent)
      .map((b) => [b.name, data.bodies.find((p) => p.id === b.parent!.bodyId)!.name, b.parent!.relation, b.parent!.source.quote]);
    expect(parents).toEqual([
      ['Beredningsgruppen', LEDNINGSGRUPPEN, 'APPOINTED_BY', 'Beredningsgruppen tillsätts av ledningsgruppen.'],
      [
        'Lokala samverkansgrupper',
        LEDNINGSGRUPPEN,
        'APPOINTED_BY',
        'De lokala samverkansgrupperna tillsätts av ledningsgruppen och leds av en samordnare från kommunen.',
      ],
      ['Referensgruppen för brukarinflytande', 'Förbundsstyrelsen', 'APPOINTED_BY', 'Referensgruppen för brukarinflytande utses av förbundsstyrelsen.'],
      [
        'Nätverket för arbetsmarknadssamordnare',
        'Beredningsgruppen',
        'REPORTS_TO',
        'Nätverket är underställt beredningsgruppen och träffas vid behov, dock minst fyra gånger per år.',
      ],
      ['Styrgrupp', LEDNINGSGRUPPEN, 'APPOINTED_BY', 'Styrgruppen för en insats tillsätts av ledningsgruppen när förbundsstyrelsen har beviljat medel.'],
    ]);
    expect(body('Nätverket för arbetsmarknadssamordnare').cadence?.text).toBe('minst fyra gånger per år');
  });

  it('reads "gäller från A till och med B" as the validity and its event, and the review date', () => {
    const quote = 'Dokumentet gäller från 2028-01-01 till och med 2030-12-31.';
    expect(data.document.validity).toMatchObject({ text: quote, from: '2028-01-01', to: '2030-12-31', source: { quote } });
    expect(data.document.reviewBy).toBe('2030-06-30');
    expect(data.document.date).toBe('2027-11-18');
    expect(data.events.map((e) => [e.kind, e.from.date, e.to?.date ?? null, e.source.quote])).toEqual([
      ['DOCUMENT_DATE', '2027-11-18', null, '2027-11-18'],
      [
        'FOUNDED',
        '2012',
        null,
        'Förbundet bildades 2012 och har sedan dess finansierat insatser för personer som behöver samordnat stöd för att kunna arbeta eller studera.',
      ],
      ['VALID_FROM', '2028-01-01', '2030-12-31', quote],
      ['REVIEW_DATE', '2030-06-30', null, 'Strukturen revideras senast 2030-06-30 inför en ny period.'],
    ]);
  });

  it('reads substitute rules worded as permissions and as seats', () => {
    expect(data.bodies.filter((b) => b.substitutes.source).map((b) => [b.name, b.substitutes.rule, b.substitutes.source!.quote])).toEqual([
      ['Förbundsstyrelsen', 'REQUIRED', 'Förbundsstyrelsen är förbundets högsta beslutande organ och består av en ledamot och en ersättare från varje medlem.'],
      [LEDNINGSGRUPPEN, 'ALLOWED', 'En ledamot som inte kan delta får skicka ersättare.'],
      ['Beredningsgruppen', 'ALLOWED', 'Ersättare får närvara när en ordinarie ledamot har förhinder.'],
    ]);
  });
});

const doc = (body: string) => draftDocument(`# Riktlinje för samverkan i Exempellän\n\n${body}\n`, { fileName: 'exempel.txt' });

describe('the same rules in other wordings', () => {
  it.each([
    ['Riktlinjen gäller t.o.m. 2029-12-31.', null, '2029-12-31'],
    ['Dokumentet gäller fr.o.m. 2027-01-01 t.o.m. 2028-12-31.', '2027-01-01', '2028-12-31'],
    ['Dokumentet gäller från och med 2027-03-01.', '2027-03-01', null],
    ['Dokumentet gäller 2027-01-01 – 2029-12-31.', '2027-01-01', '2029-12-31'],
  ])('validity: %s', (sentence, from, to) => {
    const d = doc(`## Giltighet\n\n${sentence}`);
    expect([d.document.validity?.from, d.document.validity?.to]).toEqual([from, to]);
    expect(d.events.filter((e) => e.kind === 'VALID_FROM').map((e) => [e.from.date, e.to?.date ?? null])).toEqual(from ? [[from, to]] : []);
    expect(d.events.filter((e) => e.kind === 'SINCE')).toEqual([]);
  });

  it.each([
    ['En ledamot som inte kan delta får skicka en ersättare.', 'ALLOWED'],
    ['Ledamot som inte kan närvara kan skicka ersättare.', 'ALLOWED'],
    ['Ersättare får inte skickas till mötena.', 'FORBIDDEN'],
    ['Gruppen har inga ersättare.', 'FORBIDDEN'],
    ['Varje kommun utser en ledamot och en ersättare.', 'REQUIRED'],
  ])('substitutes: %s', (sentence, rule) => {
    expect(doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!.substitutes.rule).toBe(rule);
  });

  it('a parent by a pronoun, and never a body of its own or one the text does not know', () => {
    const d = doc(
      '## Styrgruppen\n\nStyrgruppen leder arbetet.\n\n## Arbetsgruppen\n\nDen tillsätts av styrgruppen.\n\n## Referensgruppen\n\nReferensgruppen utses av kommunerna.',
    );
    expect(d.bodies.map((b) => [b.name, b.parent?.bodyId ?? null, b.parent?.relation ?? null])).toEqual([
      ['Styrgruppen', null, null],
      ['Arbetsgruppen', 'styrgruppen', 'APPOINTED_BY'],
      ['Referensgruppen', null, null],
    ]);
  });

  it('the short form of a name with a tail is that body only when one body has it', () => {
    const one = doc('## Chefsgrupp för vård\n\nText.\n\n## Övrigt\n\nChefsgruppen rapporterar till styrelsen.');
    expect(one.bodies.map((b) => b.name)).toEqual(['Chefsgrupp för vård', 'Styrelsen']);
    const two = doc('## Chefsgrupp för vård\n\nText.\n\n## Chefsgrupp för skola\n\nText.\n\n## Övrigt\n\nChefsgrupperna rapporterar till styrelsen.');
    expect(two.bodies.map((b) => b.name)).toEqual(['Chefsgrupp för vård', 'Chefsgrupp för skola', 'Chefsgrupperna', 'Styrelsen']);
  });
  it("a heading that goes on after its body noun names the body in full, and the text's full name finds it", () => {
    const d = doc(
      '## Ledningsgrupp\n\nText.\n\n## Arbetsgrupp psykisk hälsa\n\nArbetsgrupp psykisk hälsa tillsätts av ledningsgruppen.\n\n' +
        '## Arbetsgrupp äldres hälsa\n\nArbetsgruppen träffas varannan månad.\n\n## Övrigt\n\nLedningsgruppen följer upp arbetsgruppernas arbete.',
    );
    expect(d.bodies.map((b) => b.name)).toEqual(['Ledningsgrupp', 'Arbetsgrupp psykisk hälsa', 'Arbetsgrupp äldres hälsa']);
    expect(d.bodies[1]!.parent?.bodyId).toBe(d.bodies[0]!.id);
    expect(d.bodies[2]!.cadence?.text).toBe('varannan månad');
  });

  it('a predicate ("X är den strategiska ledningsgruppen") names no other body', () => {
    const d = doc('## Styrgruppen för vård\n\nStyrgruppen för vård är den strategiska ledningsgruppen för samverkan i länet.');
    expect(d.bodies.map((b) => b.name)).toEqual(['Styrgruppen för vård']);
  });
});
