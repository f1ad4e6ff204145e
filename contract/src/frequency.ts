/**
 * The frequency normalizer: turns the documents' Swedish frequency phrases into meetings
 * (or reports) per year. It never guesses: a phrase it does not recognise gives null bounds and
 * `recognized: false`; a vague count ("ett par gånger per termin") is recognised as approximate
 * with null bounds; and "vid behov" (when needed) is flagged, never counted.
 *
 *   "minst sex gånger per år"        -> min 6,     max null,  exact lower bound
 *   "cirka sex gånger per år"        -> min 6,     max 6,     approximate
 *   "två till tre gånger per år"     -> min 2,     max 3      (also "2-3", "2–3", "två-tre", "två à tre")
 *   "cirka 2–3 gånger per halvår"    -> min 4,     max 6,     approximate
 *   "Två gånger varje år"            -> min 2,     max 2
 *   "en gång i kvartalet"            -> min 4,     max 4
 *   "varannan vecka"                 -> min 26,    max 26
 *   "var 3:e–4:e vecka"              -> min 13,    max 17.33  (52 weeks a year, rounded to hundredths)
 *   "vartannat år" / "vart annat år" -> min 0.5,   max 0.5
 *   "halvårsvisa"                    -> min 2,     max 2
 *   "ett par gånger per termin"      -> min null,  max null,  approximate
 *
 * Every word is matched whole: a number, period or qualifier inside a longer word ("Förvaltningen",
 * "årskurs", "högsta", "behovsbedömning") is not read as one.
 */
export interface NormalizedFrequency {
  minPerYear: number | null;
  maxPerYear: number | null;
  approximate: boolean;
  whenNeeded: boolean;
  recognized: boolean;
}

/**
 * The one meaning of "has a stated frequency", for bodies, duties and every table: the text gives a
 * number (a minimum, a maximum or both). "regelbundet" or "vid behov" alone is a cadence without one: it
 * is shown with its quote but neither ranked nor counted as a frequency.
 */
export function hasStatedFrequency(cadence: { minPerYear: number | null; maxPerYear: number | null } | null | undefined): boolean {
  return cadence != null && (cadence.minPerYear !== null || cadence.maxPerYear !== null);
}

/** Swedish numbers in words, one to twenty (the normalizer's; the draft stage reads member counts with them). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  nitton: 19,
  tjugo: 20,
};
const ORDINAL_WORDS: Record<string, number> = {
  andra: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  sjätte: 6,
  sjunde: 7,
  åttonde: 8,
  nionde: 9,
  tionde: 10,
  elfte: 11,
  tolfte: 12,
  fjortonde: 14,
};
/** Longest first, so "sexton" is tried before "sex". */
const alternatives = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

/** Not a letter before, not a letter after: JavaScript's \b does not know å, ä, ö. */
const L = '(?<!\\p{L})';
const R = '(?!\\p{L})';
const word = (body: string) => new RegExp(`${L}(?:${body})${R}`, 'u');
/** Before a count, also no digit and no decimal part: "1,5 gånger" is not "5 gånger". */
const NUM_L = '(?<![\\p{L}\\p{N}]|\\p{N}[.,])';

const NUM = `(?:\\d+|${alternatives(NUMBER_WORDS)})`;
const ORD = `(?:\\d+:[ae]|${alternatives(ORDINAL_WORDS)})`;
/** Between the two ends of a range: "2-3", "2–3", "två-tre", "två till tre", "två à tre". */
const TO = '(?:\\s*[–-]\\s*|\\s+(?:till|à)\\s+)';

/** How many of each unit a year has; "per"/"i"/"om"/"varje" + unit is a period of a count. */
const UNITS: Record<string, number> = {
  dag: 365,
  dagen: 365,
  vecka: 52,
  veckan: 52,
  månad: 12,
  månaden: 12,
  kvartal: 4,
  kvartalet: 4,
  termin: 2,
  terminen: 2,
  halvår: 2,
  halvåret: 2,
  år: 1,
  året: 1,
};
const UNIT = `(${alternatives(UNITS)})`;

const COUNT_NOUNS = 'gånger|gång|möten|möte|sammanträden|sammanträde|träffar|träff|tillfällen|tillfälle|rapporter|rapport';
/** A count ("sex", "2–3", "ett gemensamt möte") of meetings, one optional word between; not "ett par". */
const COUNTED = new RegExp(`${NUM_L}(${NUM})(?:${TO}(${NUM}))?(?!\\s+(?:par|antal|fåtal|flertal)${R})\\s+(?:\\p{L}+\\s+)?(?:${COUNT_NOUNS})${R}\\s*`, 'gu');
/** What follows the count: its period ("per år", "i kvartalet", "om året", "årligen"). */
const PERIOD = new RegExp(`^(?:(?:per|i|om|varje)\\s+${UNIT}|(årligen))${R}`, 'u');
/** "varannan vecka", "vartannat år", "var tredje vecka", "var 3:e–4:e vecka", "vart tredje år". */
const EVERY_NTH = new RegExp(`${L}(?:(varannan|vartannat|vart annat)|vart?\\s+(${ORD})(?:${TO}(${ORD}))?)\\s+${UNIT}${R}`, 'u');
/** A count that names no number: recognised, approximate, never given numbers. */
const VAGUE = new RegExp(`${L}(?:ett par|några|flera|ett antal|ett fåtal|ett flertal)\\s+(?:\\p{L}+\\s+)?(?:${COUNT_NOUNS})${R}`, 'u');

const APPROX = word('cirka|ca|ungefär|omkring|runt');
const AT_LEAST = word('minst|åtminstone');
const AT_MOST = word('högst|maximalt');
const WHEN_NEEDED = word('vid behov|efter behov');

const FIXED: Array<[RegExp, number]> = [
  [word('veckovis|varje vecka'), 52],
  [word('månadsvis|månatlig(?:a|en|t)?|varje månad'), 12],
  [word('kvartalsvis[at]?|varje kvartal'), 4],
  [word('halvårsvis[at]?|halvårlig(?:a|en|t)?|vid halv- och helårsskifte|varje halvår|varje termin'), 2],
  // An årsplanering is a plan made for each year: once a year.
  [word('årligen|varje år|årlig[at]?|årsvis[at]?|årsplanering(?:en)?'), 1],
];

const toNumber = (token: string) => (/^\d/.test(token) ? Number.parseInt(token, 10) : (NUMBER_WORDS[token] ?? ORDINAL_WORDS[token]!));
const hundredths = (n: number) => Math.round(n * 100) / 100;

export function normalizeFrequency(phrase: string): NormalizedFrequency {
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const whenNeeded = WHEN_NEEDED.test(text);
  const approximate = APPROX.test(text);
  const result = (min: number, max: number): NormalizedFrequency => {
    const [lo, hi] = [hundredths(Math.min(min, max)), hundredths(Math.max(min, max))];
    if (AT_LEAST.test(text)) return { minPerYear: lo, maxPerYear: null, approximate, whenNeeded, recognized: true };
    if (AT_MOST.test(text)) return { minPerYear: null, maxPerYear: hi, approximate, whenNeeded, recognized: true };
    return { minPerYear: lo, maxPerYear: hi, approximate, whenNeeded, recognized: true };
  };

  for (const m of text.matchAll(COUNTED)) {
    const period = PERIOD.exec(text.slice(m.index + m[0].length));
    if (!period) continue;
    const factor = period[2] ? 1 : UNITS[period[1]!]!;
    return result(toNumber(m[1]!) * factor, toNumber(m[2] ?? m[1]!) * factor);
  }
  const nth = EVERY_NTH.exec(text);
  if (nth) {
    const perYear = UNITS[nth[4]!]!;
    const [from, to] = nth[1] ? [2, 2] : [toNumber(nth[2]!), toNumber(nth[3] ?? nth[2]!)];
    if (from > 0 && to > 0) return result(perYear / to, perYear / from);
  }
  if (VAGUE.test(text)) return { minPerYear: null, maxPerYear: null, approximate: true, whenNeeded, recognized: true };
  for (const [pattern, n] of FIXED) if (pattern.test(text)) return result(n, n);
  return { minPerYear: null, maxPerYear: null, approximate, whenNeeded, recognized: whenNeeded };
}
