/**
 * Comparing Swedish words the way the rules need: verbs and cue phrases on Snowball stems
 * (@nlpjs/lang-sv), nouns on their compound head with its inflections ("samordningsgruppens" has the
 * head "grupp" with the ending "ens"), since the stemmer leaves some nouns whole ("nätverket").
 */
import { NUMBER_WORDS } from '@samverkan/contract';
import { StemmerSv } from '@nlpjs/lang-sv';

const stemmer = new StemmerSv();
const cache = new Map<string, string>();

export function stem(word: string): string {
  const w = word.toLowerCase();
  let s = cache.get(w);
  if (s === undefined) {
    s = stemmer.stemWord(w) as string;
    if (cache.size > 50_000) cache.clear();
    cache.set(w, s);
  }
  return s;
}

export interface Token {
  word: string;
  stem: string;
  start: number;
  end: number;
}

const tokenCache = new Map<string, Token[]>();

export function tokens(text: string): Token[] {
  let t = tokenCache.get(text);
  if (!t) {
    if (tokenCache.size > 20_000) tokenCache.clear();
    t = tokenize(text);
    tokenCache.set(text, t);
  }
  return t;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}\d]*(?:-\p{L}+)*/gu)].map((m) => ({ word: m[0], stem: stem(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** A cue phrase as stems: "rapporterar till" -> ["rapporter", "till"]. */
export const cueStems = (phrase: string) => tokens(phrase).map((t) => t.stem);

/**
 * Where a cue phrase (given as words, compared on stems) stands in the tokens: the index of its first
 * token, or -1. The first word may be the last part of a compound ("återrapporterar" has "rapporterar").
 */
export function findCue(toks: Token[], phrase: string[]): number {
  const [first, ...rest] = phrase;
  if (!first) return -1;
  for (let i = 0; i + rest.length < toks.length; i++) {
    const s = toks[i]!.stem;
    if (!(s === first || (first.length >= 5 && s.endsWith(first)))) continue;
    if (rest.every((r, k) => toks[i + 1 + k]!.stem === r)) return i;
  }
  return -1;
}

/** The first of several cue phrases found: its token index and which phrase, or null. */
export function firstCue(toks: Token[], phrases: string[][]): { at: number; phrase: string[] } | null {
  let best: { at: number; phrase: string[] } | null = null;
  for (const p of phrases) {
    const at = findCue(toks, p);
    if (at >= 0 && (!best || at < best.at)) best = { at, phrase: p };
  }
  return best;
}

/** Noun endings: indefinite/definite, singular/plural, genitive. */
const ENDINGS = new Set(['', 'n', 'en', 'et', 't', 'er', 'erna', 'ar', 'arna', 'or', 'orna', 'na', 'e', 'a', 'ne', 'r', 'rna']);

/**
 * The noun head a word ends in, from `heads` (lower-case), with what comes before it (the compound's
 * first part): "Beredningsgruppen" with head "grupp" -> { head: "grupp", prefix: "berednings" }.
 */
export function nounHead(word: string, heads: readonly string[]): { head: string; prefix: string } | null {
  const w = word.toLowerCase();
  for (const h of heads) {
    let at = w.lastIndexOf(h);
    while (at >= 0) {
      let ending = w.slice(at + h.length);
      if (ending.endsWith('s') && ENDINGS.has(ending.slice(0, -1))) ending = ending.slice(0, -1);
      if (ENDINGS.has(ending)) return { head: h, prefix: w.slice(0, at) };
      at = at > 0 ? w.lastIndexOf(h, at - 1) : -1;
    }
  }
  return null;
}

/** A lower-case kebab slug of Swedish text, at most `words` words. */
export function slug(text: string, words = 6): string {
  const s = text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, ' ')
    .replace(/_/g, ' ')
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('-');
  return s || 'x';
}

/** Ids unique within one draft: a second "x" becomes "x-2". */
export class IdPool {
  private readonly used = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A count word or digits, else null. */
export function countOf(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}
