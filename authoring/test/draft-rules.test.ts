// Each draft rule on sentences written for the test, in several phrasings (not from the five documents).
import { describe, expect, it } from 'vitest';
import { draftDocument } from '../src/draft';
import { frequencyPhrase } from '../src/draft/rules/cadence';
import { memberOf } from '../src/draft/rules/members';
import { categoryOf } from '../src/draft/rules/duties';
import { isoDate } from '../src/draft/rules/dates';
import { nounHead, stem } from '../src/draft/words';

const doc = (body: string) => draftDocument(`# Samverkan i Exempellän\n\n${body}\n`, { fileName: 'exempel.txt' });

describe('words', () => {
  it('compares word forms on stems and compound heads', () => {
    expect(stem('träffas')).toBe(stem('träffar'));
    expect(nounHead('Beredningsgruppens', ['grupp'])).toEqual({ head: 'grupp', prefix: 'berednings' });
    expect(nounHead('styrgrupperna', ['grupp'])?.prefix).toBe('styr');
    expect(nounHead('gruppledare', ['grupp'])).toBeNull();
  });
});

describe('heading-names-body', () => {
  it.each([
    ['## Styrgruppen', 'STEERING_GROUP'],
    ['## Beredningsgrupp för äldre', 'PREPARATION_GROUP'],
    ['## Politiskt samverkansråd', 'POLITICAL_COUNCIL'],
    ['## Arbetsutskottet', 'WORKING_COMMITTEE'],
    ['## Nätverket för rektorer', 'NETWORK'],
  ])('%s', (heading, kind) => {
    const d = doc(`${heading}\n\nText om gruppen.`);
    expect(d.bodies.map((b) => b.kind)).toContain(kind);
  });
  it('text-names-body: compounds, coordinated compounds, the association and its board', () => {
    const d = doc(
      '## Organisation\n\nArbetet leds av styr- och arbetsgrupper i varje kommun. Samordningsförbundet finansierar arbetet. Styrelsen fattar beslut om budget.',
    );
    expect(d.bodies.map((b) => [b.name, b.kind])).toEqual([
      ['Styrgrupp', 'STEERING_GROUP'],
      ['Arbetsgrupper', 'WORKING_GROUP'],
      ['Samordningsförbundet', 'OTHER'],
      ['Styrelsen', 'BOARD'],
    ]);
    expect(doc('## Organisation\n\nGruppen träffas ofta. Arbetet sker i samverkan.').bodies).toEqual([]);
  });
  it('a text without words is a clear error', () => {
    expect(() => draftDocument(' \n\n ', { fileName: 'tom.txt' })).toThrow('tom.txt: the text has no words to draft from');
  });
  it('a target group is no body', () => {
    expect(doc('## Målgrupper\n\nBarn och unga.').bodies).toEqual([]);
  });
});

describe('members', () => {
  it.each([
    'Styrgruppen består av tre representanter från kommunerna, två representanter från regionen samt en brukarrepresentant.',
    'I styrgruppen ingår tre representanter från kommunerna, två representanter från regionen samt en brukarrepresentant.',
  ])('enumeration: %s', (sentence) => {
    const b = doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!;
    expect(b.composition.map((m) => m.function)).toEqual(['representanter', 'representanter', 'brukarrepresentant']);
    expect(b.composition[0]!.seats).toEqual({ min: 3, max: 3, text: 'tre representanter' });
    expect(b.composition[0]!.organisation).toBe('kommunerna');
  });
  it('a list after the cue', () => {
    const b = doc('## Referensgruppen\n\nGruppen utgörs av:\n\n- Fyra chefer från kommunerna\n- En sekreterare').bodies[0]!;
    expect(b.composition.map((m) => [m.function, m.seats?.min ?? null])).toEqual([
      ['chefer', 4],
      ['sekreterare', 1],
    ]);
  });
  it('"ingår ... att" is a duty, not a member', () => {
    expect(memberOf('')).toBeNull();
    expect(doc('## Styrgruppen\n\nI uppdraget ingår att följa upp arbetet.').bodies[0]!.composition).toEqual([]);
  });
});

describe('offices and substitutes', () => {
  it.each([
    ['Ordförande är regionens representant.', 'chair'],
    ['Gruppen leds av förvaltningschefen.', 'chair'],
    ['Vice ordförande utses bland kommunernas ledamöter.', 'viceChair'],
    ['Sammankallande är processledaren.', 'convener'],
    ['Processledaren kallar till mötena.', 'convener'],
  ] as const)('%s -> %s', (sentence, office) => {
    const b = doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!;
    expect(b[office]).not.toBeNull();
  });
  it.each([
    ['Ersättare får inte skickas.', 'FORBIDDEN'],
    ['Varje ledamot ska ha en personlig ersättare.', 'REQUIRED'],
    ['Vid förhinder kan en ersättare delta.', 'ALLOWED'],
  ])('%s -> %s', (sentence, rule) => {
    expect(doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!.substitutes.rule).toBe(rule);
  });
});

describe('cadence', () => {
  it.each([
    ['Styrgruppen träffas fyra gånger per år.', 'fyra gånger per år', 4, 4],
    ['Gruppen möts minst sex gånger per år och vid behov.', 'minst sex gånger per år och vid behov', 6, null],
    ['Nätverket sammanträder cirka varannan månad.', 'varannan månad', 6, 6],
    ['Mötena hålls en gång i kvartalet.', 'en gång i kvartalet', 4, 4],
  ])('%s', (sentence, text, min, max) => {
    const c = doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!.cadence!;
    expect(c.text).toContain(text);
    expect([c.minPerYear, c.maxPerYear]).toEqual([min, max]);
  });
  it('no frequency, no cadence', () => {
    expect(frequencyPhrase('Gruppen träffas i stadshuset.')).toBeNull();
    expect(doc('## Styrgruppen\n\nGruppen träffas i stadshuset.').bodies[0]!.cadence).toBeNull();
  });
});

describe('duties and reporting', () => {
  it.each(['Styrgruppen ansvarar för att följa upp handlingsplanen.', 'Styrgruppen har i uppdrag att följa upp handlingsplanen.'])(
    'duty sentence: %s',
    (sentence) => {
      expect(doc(`## Styrgruppen\n\n${sentence}`).bodies[0]!.assignments.map((a) => a.category)).toEqual(['FOLLOW_UP_EVALUATION']);
    },
  );
  it('a list after "Uppdrag:" is the body\'s duties, with categories', () => {
    const b = doc('## Styrgruppen\n\nUppdrag:\n\n- Fastställa budget\n- Kalla till möten').bodies[0]!;
    expect(b.assignments.map((a) => a.category)).toEqual(['BUDGET_ECONOMY', 'CONVENING']);
    expect(categoryOf('Omvärldsbevaka området')).toBe('MONITORING');
  });
  it.each([
    'Arbetsgruppen rapporterar till styrgruppen två gånger per år.',
    'Arbetsgruppen återrapporterar till styrgruppen två gånger per år.',
    'Arbetsgruppen lämnar rapport till styrgruppen två gånger per år.',
  ])('reporting: %s', (sentence) => {
    const d = doc(`## Styrgruppen\n\nText.\n\n## Arbetsgruppen\n\n${sentence}`);
    const r = d.reportingDuties[0]!;
    expect([r.fromBodyId, r.toBodyId, r.cadence?.minPerYear]).toEqual(['arbetsgruppen', 'styrgruppen', 2]);
  });
});

describe('dates', () => {
  it('reads dates of several forms', () => {
    expect(['2019-05-01', 'augusti 2016', 'år 2020'].map(isoDate)).toEqual(['2019-05-01', '2016-08', '2020']);
  });
  it.each([
    ['Nätverket bildades 2012.', 'FOUNDED', '2012'],
    ['Styrgruppen har funnits sedan 2018.', 'SINCE', '2018'],
    ['Projektet pågick 2016-08-01 – 2019-07-31.', 'PERIOD', '2016-08-01'],
  ])('%s', (sentence, kind, from) => {
    const e = doc(`## Styrgruppen\n\n${sentence}`).events![0]!;
    expect([e.kind, e.from.date]).toEqual([kind, from]);
  });
  it('title, date and validity of the document', () => {
    const d = draftDocument('# Riktlinje för samverkan\n\n2023-02-01\n\n## Giltighet\n\nDokumentet gäller till och med 2025-12-31.\n', { fileName: 'r.txt' });
    expect([d.document.title, d.document.date, d.document.validity?.to]).toEqual(['Riktlinje för samverkan', '2023-02-01', '2025-12-31']);
  });
  it('states nothing the text does not', () => {
    const d = doc('## Styrgruppen\n\nText utan fakta.');
    expect([d.document.date, d.bodies[0]!.level, d.bodies[0]!.chair, d.events]).toEqual([null, null, null, []]);
  });
});
