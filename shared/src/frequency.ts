/**
 * The frequency normalizer: turns the documents' Swedish frequency phrases into meetings
 * (or reports) per year. It never guesses: a phrase it does not recognise gives null bounds and
 * `recognized: false`, and "vid behov" (when needed) is flagged, never counted.
 *
 *   "minst sex gånger per år"      -> min 6,  max null, exact lower bound
 *   "cirka sex gånger per år"      -> min 6,  max 6,    approximate
 *   "cirka 2–3 gånger per halvår"  -> min 4,  max 6,    approximate
 *   "Två gånger varje år"          -> min 2,  max 2
 *   "halvårsvisa"                  -> min 2,  max 2
 */
export interface NormalizedFrequency {
  minPerYear: number | null;
  maxPerYear: number | null;
  approximate: boolean;
  whenNeeded: boolean;
  recognized: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
};
const NUM = `(?:\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
// \b does not know å, ä, ö: word edges are "not a letter" on either side.
const word = (body: string) => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, 'u');

const PERIOD = /^(?:per|varje|om|i)\s+(år|året|halvår|halvåret|kvartal|kvartalet|månad|månaden|termin|terminen)(?!\p{L})/u;
const PERIOD_FACTOR: Record<string, number> = {
  år: 1, året: 1, halvår: 2, halvåret: 2, termin: 2, terminen: 2, kvartal: 4, kvartalet: 4, månad: 12, månaden: 12,
};

const APPROX = word('cirka|ca|ungefär|omkring|runt');
const AT_LEAST = word('minst|åtminstone');
const AT_MOST = word('högst|maximalt');
const WHEN_NEEDED = word('vid behov|efter behov');

/** A count ("sex", "2–3", "ett gemensamt möte") followed by "gånger/möte(n)" and a period. */
const COUNTED = new RegExp(
  `(?<!\\p{L})(${NUM})(?:\\s*[–-]\\s*(${NUM}))?\\s+(?:\\p{L}+\\s+)?(?:gånger|gång|möten|möte|träffar|rapporter)\\s+(.+)$`,
  'u',
);

const FIXED: Array<[RegExp, number]> = [
  [word('halvårsvis[at]?|vid halv- och helårsskifte|varje halvår'), 2],
  [word('vart annat år'), 0.5],
  [word('kvartalsvis'), 4],
  [word('månatlig(?:a|en)?|varje månad'), 12],
];
const YEARLY = word('årligen|varje år|årlig[at]?|årsvis');

function toNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : NUMBER_WORDS[token]!;
}

export function normalizeFrequency(phrase: string): NormalizedFrequency {
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const whenNeeded = WHEN_NEEDED.test(text);
  const approximate = APPROX.test(text);

  const m = COUNTED.exec(text);
  const period = m ? PERIOD.exec(m[3]!) : null;
  if (m && period) {
    const factor = PERIOD_FACTOR[period[1]!]!;
    const min = toNumber(m[1]!) * factor;
    const max = (m[2] ? toNumber(m[2]) : toNumber(m[1]!)) * factor;
    if (AT_LEAST.test(text)) return { minPerYear: min, maxPerYear: null, approximate, whenNeeded, recognized: true };
    if (AT_MOST.test(text)) return { minPerYear: null, maxPerYear: max, approximate, whenNeeded, recognized: true };
    return { minPerYear: min, maxPerYear: max, approximate, whenNeeded, recognized: true };
  }
  for (const [pattern, n] of FIXED) if (pattern.test(text)) return exact(n, approximate, whenNeeded);
  if (YEARLY.test(text)) return exact(1, approximate, whenNeeded);
  return { minPerYear: null, maxPerYear: null, approximate, whenNeeded, recognized: whenNeeded };
}

function exact(n: number, approximate: boolean, whenNeeded: boolean): NormalizedFrequency {
  return { minPerYear: n, maxPerYear: n, approximate, whenNeeded, recognized: true };
}
