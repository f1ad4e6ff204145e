import { describe, expect, it } from 'vitest';
import { normalizeFrequency } from '../src/frequency';

type Row = [phrase: string, min: number | null, max: number | null, approximate: boolean, whenNeeded: boolean];

describe('normalizeFrequency', () => {
  // One row per form: the phrase, and what it means per year, worked out by hand (52 weeks a year).
  it.each<Row>([
    // counts with a period
    ['12 gånger per år', 12, 12, false, false],
    ['Två gånger varje år', 2, 2, false, false],
    ['två gånger om året', 2, 2, false, false],
    ['två gånger årligen', 2, 2, false, false],
    ['en gång i kvartalet', 4, 4, false, false],
    ['en gång i månaden', 12, 12, false, false],
    ['en gång per vecka', 52, 52, false, false],
    ['sexton gånger per år', 16, 16, false, false],
    ['minst ett gemensamt möte per år', 1, null, false, false],
    ['tre sammanträden per termin', 6, 6, false, false],
    // ranges, every way of writing one
    ['två till tre gånger per år', 2, 3, false, false],
    ['2-3 gånger per år', 2, 3, false, false],
    ['2–3 gånger per år', 2, 3, false, false],
    ['2 – 3 gånger per år', 2, 3, false, false],
    ['två-tre gånger per år', 2, 3, false, false],
    ['två–tre gånger per år', 2, 3, false, false],
    ['två à tre gånger per år', 2, 3, false, false],
    ['1-2 gånger per år', 1, 2, false, false],
    ['2–3 gånger per halvår', 4, 6, false, false],
    ['fyra till sex möten per termin', 8, 12, false, false],
    // bounds and approximations
    ['minst sex gånger per år', 6, null, false, false],
    ['högst fyra gånger per år', null, 4, false, false],
    ['cirka sex gånger per år', 6, 6, true, false],
    ['ca 10 gånger per år', 10, 10, true, false],
    ['cirka 2–3 gånger per halvår', 4, 6, true, false],
    ['sammanträder cirka 2–3 gånger per halvår, kompletterat med kortare avstämningsmöten vid behov', 4, 6, true, true],
    // every n-th week, month, year
    ['varannan vecka', 26, 26, false, false],
    ['var tredje vecka', 17.33, 17.33, false, false],
    ['var fjärde vecka', 13, 13, false, false],
    ['var 3:e–4:e vecka', 13, 17.33, false, false],
    ['var tredje till fjärde vecka', 13, 17.33, false, false],
    ['var 14:e dag', 26.07, 26.07, false, false],
    ['varannan månad', 6, 6, false, false],
    ['var tredje månad', 4, 4, false, false],
    ['vartannat år', 0.5, 0.5, false, false],
    ['vart annat år', 0.5, 0.5, false, false],
    ['På höstens presidiekonferens vart annat år', 0.5, 0.5, false, false],
    ['vart tredje år', 0.33, 0.33, false, false],
    ['minst varannan vecka', 26, null, false, false],
    // words that are a frequency by themselves
    ['varje vecka', 52, 52, false, false],
    ['varje månad', 12, 12, false, false],
    ['månatliga', 12, 12, false, false],
    ['kvartalsvis', 4, 4, false, false],
    ['kvartalsvisa uppföljningar', 4, 4, false, false],
    ['halvårsvisa rapporter', 2, 2, false, false],
    ['halvårliga rapporter', 2, 2, false, false],
    ['vid halv- och helårsskifte', 2, 2, false, false],
    ['årligen', 1, 1, false, false],
    ['Årlig', 1, 1, false, false],
    ['i januari varje år', 1, 1, false, false],
    ['årsvis', 1, 1, false, false],
    ['en årsplanering', 1, 1, false, false],
    // vague counts: recognised, approximate, and no number guessed
    ['ett par gånger per termin', null, null, true, false],
    ['några gånger per år', null, null, true, false],
    ['ett antal möten per år', null, null, true, false],
    // when needed: noted, never counted
    ['kortare avstämningsmöten vid behov', null, null, false, true],
    ['efter behov', null, null, false, true],
  ])('%s → min %s, max %s, approximate %s, when needed %s', (phrase, min, max, approximate, whenNeeded) => {
    expect(normalizeFrequency(phrase)).toEqual({ minPerYear: min, maxPerYear: max, approximate, whenNeeded, recognized: true });
  });

  it('never guesses: an unknown phrase has no bounds and is not recognized', () => {
    for (const phrase of ['regelbundet', 'ofta', 'sex', 'gånger per år', 'två gånger under mandatperioden', 'varannan gång']) {
      expect(normalizeFrequency(phrase), phrase).toEqual({ minPerYear: null, maxPerYear: null, approximate: false, whenNeeded: false, recognized: false });
    }
  });

  describe('word boundaries: a number, period or qualifier inside a longer word is not one', () => {
    // Each phrase holds a longer word whose letters contain a known word. The same phrase with that word
    // split off reads differently, so each row passes only because the word edge is respected.
    it.each<[phrase: string, expected: Partial<ReturnType<typeof normalizeFrequency>>, split: string]>([
      ['Förvaltningen lämnar rapporter per termin', { minPerYear: null, maxPerYear: null, recognized: false }, 'Förvaltning en lämnar rapporter per termin'],
      ['två gånger per årskurs', { minPerYear: null, maxPerYear: null, recognized: false }, 'två gånger per år kurs'],
      ['en uppföljning i varje årskurs', { minPerYear: null, maxPerYear: null, recognized: false }, 'en uppföljning i varje år kurs'],
      ['i varje månadsrapport', { minPerYear: null, maxPerYear: null, recognized: false }, 'i varje månad srapport'],
      ['halvårliga rapporter', { minPerYear: 2, maxPerYear: 2 }, 'halv årliga rapporter'],
      ['Högsta ledningen träffas fyra gånger per år', { minPerYear: 4, maxPerYear: 4 }, 'Högst a ledningen träffas fyra gånger per år'],
      ['De minsta kommunerna deltar sex gånger per år', { minPerYear: 6, maxPerYear: 6 }, 'De minst a kommunerna deltar sex gånger per år'],
      ['möten runtom i länet sex gånger per år', { minPerYear: 6, maxPerYear: 6, approximate: false }, 'möten runt om i länet sex gånger per år'],
      ['vid behovsbedömning', { whenNeeded: false, recognized: false }, 'vid behov sbedömning'],
      ['sexton gånger per år', { minPerYear: 16, maxPerYear: 16 }, 'sex ton gånger per år'],
      ['ett partiöverskridande möte per år', { minPerYear: 1, maxPerYear: 1, approximate: false }, 'ett par tiöverskridande möte per år'],
      ['1,5 gånger per år', { minPerYear: null, maxPerYear: null, recognized: false }, '1, 5 gånger per år'],
    ])('%s', (phrase, expected, split) => {
      expect(normalizeFrequency(phrase)).toMatchObject(expected);
      expect(normalizeFrequency(split)).not.toMatchObject(expected);
    });
  });
});
