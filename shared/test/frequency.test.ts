import { describe, expect, it } from 'vitest';
import { normalizeFrequency } from '../src/frequency';

describe('normalizeFrequency', () => {
  it.each([
    ['minst sex gånger per år', 6, null, false, false],
    ['cirka sex gånger per år', 6, 6, true, false],
    ['2–3 gånger per halvår', 4, 6, false, false],
    ['cirka 2–3 gånger per halvår', 4, 6, true, false],
    ['Två gånger varje år', 2, 2, false, false],
    ['halvårsvisa rapporter', 2, 2, false, false],
    ['minst ett gemensamt möte per år', 1, null, false, false],
    ['vid halv- och helårsskifte', 2, 2, false, false],
    ['vart annat år', 0.5, 0.5, false, false],
    ['årligen', 1, 1, false, false],
    ['i januari varje år', 1, 1, false, false],
    ['årsvis', 1, 1, false, false],
    ['högst fyra gånger per år', null, 4, false, false],
    ['12 gånger per år', 12, 12, false, false],
    ['en gång i kvartalet', 4, 4, false, false],
    ['sammanträder cirka 2–3 gånger per halvår, kompletterat med kortare avstämningsmöten vid behov', 4, 6, true, true],
  ])('%s → min %s, max %s, approximate %s, when needed %s', (phrase, min, max, approximate, whenNeeded) => {
    expect(normalizeFrequency(phrase)).toEqual({ minPerYear: min, maxPerYear: max, approximate, whenNeeded, recognized: true });
  });

  it('notes "vid behov" but does not count it', () => {
    expect(normalizeFrequency('kortare avstämningsmöten vid behov')).toEqual({ minPerYear: null, maxPerYear: null, approximate: false, whenNeeded: true, recognized: true });
  });

  it('never guesses: an unknown phrase has no bounds and is not recognized', () => {
    for (const phrase of ['regelbundet', 'ofta', 'sex', 'gånger per år']) {
      expect(normalizeFrequency(phrase)).toMatchObject({ minPerYear: null, maxPerYear: null, recognized: false });
    }
  });

  it('does not take letters of a longer word for a number ("sexton" is not "sex")', () => {
    expect(normalizeFrequency('sextongånger per år').recognized).toBe(false);
  });
});
