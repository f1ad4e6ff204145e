/**
 * Aligns two versions of a document sentence by sentence: the texts are cut into sentences (a list
 * item, a table row and a heading are one each; inside a paragraph a sentence ends at . ! ? before an
 * upper-case letter or a digit), the sequences are compared with `diff` (diffArrays, a longest common
 * subsequence), and in each run that was replaced, an old and a new sentence that share most of their
 * words are paired as one sentence changed.
 */
import { diffArrays } from 'diff';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}
export interface ChangedSentence {
  before: string;
  after: string;
  similarity: number;
}

export interface Alignment {
  /** Sentences in both versions, word for word. */
  unchanged: number;
  /** Sentences edited: the old and the new wording. */
  changed: ChangedSentence[];
  /** Old sentences with no counterpart in the new version. */
  removed: string[];
  /** New sentences with no counterpart in the old version. */
  added: string[];
  /** Where the changed and added sentences stand in the new text. */
  newRanges: Array<[start: number, end: number]>;
}

/** Two sentences sharing at least this part of their words (Dice) are one sentence changed. */
export const SIMILAR = 0.5;

const SENTENCE_END = /(?<=[.!?…])\s+(?=[\p{Lu}\d"”'(*[])/u;
/** What marks a line, not part of its sentence: a heading's #s, a list item's "- " or "3. ". */
const LINE_MARK = /^\s*(?:#{1,6}|[-*•]|\d{1,3}[.)])\s+/;

/** The sentences of a text (without the marks of headings and list items), with where each stands. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let cursor = 0;
  for (const line of text.split('\n')) {
    for (const part of line.replace(LINE_MARK, '').split(SENTENCE_END)) {
      const t = part.trim();
      if (!t) continue;
      const start = text.indexOf(t, cursor);
      out.push({ text: t, start, end: start + t.length });
      cursor = start + t.length;
    }
  }
  return out;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** How much two texts share their words: 2|A∩B| / (|A|+|B|), from 0 to 1. */
export function similarity(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  if (!x.size && !y.size) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

export function align(oldText: string, newText: string): Alignment {
  const [before, after] = [sentences(oldText), sentences(newText)];
  const result: Alignment = { unchanged: 0, changed: [], removed: [], added: [], newRanges: [] };
  let removed: Sentence[] = [];
  let added: Sentence[] = [];
  const settle = () => {
    const open = new Set(added);
    for (const r of removed) {
      let best: Sentence | null = null;
      let score = 0;
      for (const a of open) {
        const s = similarity(r.text, a.text);
        if (s > score) [best, score] = [a, s];
      }
      if (best && score >= SIMILAR) {
        open.delete(best);
        result.changed.push({ before: r.text, after: best.text, similarity: Math.round(score * 100) / 100 });
      } else result.removed.push(r.text);
    }
    for (const a of added) {
      if (open.has(a)) result.added.push(a.text);
      result.newRanges.push([a.start, a.end]);
    }
    [removed, added] = [[], []];
  };
  let [i, j] = [0, 0];
  for (const part of diffArrays(
    before.map((s) => s.text),
    after.map((s) => s.text),
  )) {
    const n = part.count ?? part.value.length;
    if (part.removed) removed.push(...before.slice(i, (i += n)));
    else if (part.added) added.push(...after.slice(j, (j += n)));
    else {
      settle();
      result.unchanged += n;
      i += n;
      j += n;
    }
  }
  settle();
  return result;
}
