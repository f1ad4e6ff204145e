/**
 * The source texts' inline Markdown (*emphasis*, **strong**, [a link](#)) shown as formatting, never
 * as characters. The stored quote stays the exact substring of the document; only its display changes,
 * and plainText gives the clean words (for "copy citation" and CSV-free reading).
 */
import type { ReactNode } from 'react';

/** **strong**, *emphasis* or _emphasis_, [text](target): the text inside is group 2, 3, 4 or 5. */
const INLINE = /(\*\*([^*\n]+?)\*\*)|\*([^*\s][^*\n]*?)\*|(?<![\p{L}\p{N}])_([^_\n]+?)_(?![\p{L}\p{N}])|\[([^\]\n]+)\]\([^)\s]*\)/gu;

/**
 * A mark left without its pair, where a snippet or quote starts or ends inside a marked span (or the
 * span runs over a line): a "*", a link's "](target)" tail or its "[" whose "]" is cut off.
 */
const ORPHAN = /\*+|\]\([^)\s]*\)?|\[(?![^\]\n]*\])/gu;

/** The indexes of `text` between `from` and `to` that are no orphan mark. */
function kept(text: string, from: number, to: number): number[] {
  const segment = text.slice(from, to);
  const drop = new Set<number>();
  for (const m of segment.matchAll(ORPHAN)) for (let i = 0; i < m[0].length; i++) drop.add(from + m.index + i);
  const out: number[] = [];
  for (let i = from; i < to; i++) if (!drop.has(i)) out.push(i);
  return out;
}

/** The text without its inline marks ("*Årsrapport*" -> "Årsrapport"), with each kept character's index in the original. */
export function stripMarkup(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let last = 0;
  const keep = (from: number, to: number) => {
    for (const i of kept(text, from, to)) {
      out += text[i];
      at.push(i);
    }
  };
  for (const m of text.matchAll(INLINE)) {
    keep(last, m.index);
    const inner = m[2] ?? m[3] ?? m[4] ?? m[5]!;
    const start = m.index + m[0].indexOf(inner);
    keep(start, start + inner.length);
    last = m.index + m[0].length;
  }
  keep(last, text.length);
  return { text: out, at };
}

export const plainText = (text: string) => stripMarkup(text).text;

/** The text with its inline marks rendered: <strong>, <em>, and a link's text underlined (the documents' links lead nowhere here). */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  const plain = (from: number, to: number) =>
    kept(text, from, to)
      .map((i) => text[i])
      .join('');
  for (const m of text.matchAll(INLINE)) {
    out.push(plain(last, m.index));
    const k = m.index;
    if (m[2] !== undefined) out.push(<strong key={k}>{m[2]}</strong>);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(<em key={k}>{m[3] ?? m[4]}</em>);
    else
      out.push(
        <span key={k} className="doc-link">
          {m[5]}
        </span>,
      );
    last = k + m[0].length;
  }
  out.push(plain(last, text.length));
  return out;
}
