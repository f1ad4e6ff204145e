/**
 * The outline of a normalized text: its headings (with their path) and its segments (sentences of
 * paragraphs, and list items), each with its exact offset, so every quote the rules take is a substring.
 *
 * Headings: Markdown headings ("## Rubrik") when the text has any; otherwise a short line standing
 * alone between blank lines, not ending in a sentence mark, is a heading (what ingest makes of a plain
 * text or a PDF without heading styles), and so is a short numbered line directly above its paragraph
 * ("1. Politiskt samråd"). List items: lines starting with "-", "*", "•", "–" or "1." / "1)".
 */
export interface Heading {
  text: string;
  level: number;
  start: number;
  /** This heading and the ones above it, outermost first. */
  path: string[];
}

export interface Segment {
  text: string;
  start: number;
  kind: 'sentence' | 'item';
  /** The heading the segment stands under (null before the first one). */
  heading: Heading | null;
  /** For a list item: the sentence that introduces the list (the last sentence before it in the same section). */
  intro: Segment | null;
  /** For a numbered item: its number. */
  ordinal: number | null;
  /** Index of the paragraph or list the segment belongs to. */
  block: number;
}

export interface Outline {
  text: string;
  headings: Heading[];
  segments: Segment[];
}

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const ITEM = /^\s*(?:([-*•–])|(\d{1,2})[.)])\s+(\S.*?)\s*$/;
const SENTENCE_END = /[.!?:;,]$/;

interface Line {
  text: string;
  start: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.replace(/\r$/, ''), start });
    start += raw.length + 1;
  }
  return out;
}

/** Heading text without Markdown emphasis around it. */
const bare = (s: string) => s.replace(/^\*\*(.*)\*\*$/, '$1').trim();

function plainHeading(all: Line[], i: number): boolean {
  const t = all[i]!.text.trim();
  if (!t || t.length > 100 || ITEM.test(t) || SENTENCE_END.test(t)) return false;
  if (!/^[\p{Lu}\d]/u.test(t) || t.split(/\s+/).length > 14) return false;
  const blankBefore = i === 0 || !all[i - 1]!.text.trim();
  const blankAfter = i === all.length - 1 || !all[i + 1]!.text.trim();
  return blankBefore && blankAfter;
}

const NUMBERED = /^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}.*?)\s*$/u;

/**
 * A numbered heading of a plain text ("1. Politiskt samråd", "2.3 Arbetsgrupp för barn") directly above
 * its paragraph: short, no sentence mark at its end, the line after it no list item, the line before it
 * blank or no list item (the last item of a numbered list followed by a paragraph is no heading). Its
 * level is one below the document's headings per number ("1." 2, "2.3" 3); its text is without the number.
 */
function numberedHeading(all: Line[], i: number): { text: string; level: number } | null {
  const m = NUMBERED.exec(all[i]!.text);
  if (!m || SENTENCE_END.test(m[2]!) || m[2]!.split(/\s+/).length > 8) return null;
  const next = all[i + 1]?.text.trim() ?? '';
  const previous = all[i - 1]?.text.trim() ?? '';
  if (!next || ITEM.test(next) || (previous && ITEM.test(previous))) return null;
  return { text: m[2]!, level: 1 + m[1]!.split('.').filter(Boolean).length };
}

/** Sentences of one paragraph line: split after . ! ? before a capital letter or digit. */
function sentences(line: string, start: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  // A mark that ends no sentence ("t.o.m. 2029" is one at a digit, then the abbreviation check; "kl.13") stays inside.
  const re = /(?:[^.!?]|[.!?]+(?![.!?]|\s+[\p{Lu}\d]|\s*$))+(?:[.!?]+(?=\s+[\p{Lu}\d]|\s*$)|$)/gu;
  let bufferStart = -1;
  for (const m of line.matchAll(re)) {
    if (bufferStart < 0) bufferStart = m.index;
    const buffer = line.slice(bufferStart, m.index + m[0].length);
    const last = buffer.trim().split(/\s+/).pop() ?? '';
    // Abbreviations ("t.ex.", "bl.a.", "m.m.") do not end a sentence.
    if (/^(?:t\.ex|bl\.a|m\.m|dvs|s\.k|ca|t\.o\.m|fr\.o\.m|o\.s\.v|inkl|resp)\.$/i.test(last)) continue;
    pushTrimmed(out, buffer, start + bufferStart);
    bufferStart = -1;
  }
  if (bufferStart >= 0) pushTrimmed(out, line.slice(bufferStart), start + bufferStart);
  return out;
}

function pushTrimmed(out: Array<{ text: string; start: number }>, s: string, start: number) {
  const lead = s.length - s.trimStart().length;
  const t = s.trim();
  if (/\p{L}/u.test(t)) out.push({ text: t, start: start + lead });
}

export function outline(text: string): Outline {
  const all = lines(text);
  const markdown = all.some((l) => MD_HEADING.test(l.text));
  const headings: Heading[] = [];
  const segments: Segment[] = [];
  let heading: Heading | null = null;
  let block = 0;
  let lastSentence: Segment | null = null;
  let inList = false;
  all.forEach((line, i) => {
    const t = line.text.trim();
    if (!t) {
      return;
    }
    const md = MD_HEADING.exec(line.text);
    const numbered = markdown ? null : numberedHeading(all, i);
    if ((markdown && md) || numbered || (!markdown && plainHeading(all, i))) {
      const raw = md ? md[2]! : (numbered?.text ?? t);
      const textOf = bare(raw);
      const level = md ? md[1]!.length : (numbered?.level ?? 1);
      const above = headings.filter((h) => h.level < level);
      const parent = above.length && heading ? [...headings].reverse().find((h) => h.level < level) : undefined;
      heading = { text: textOf, level, start: line.start + line.text.indexOf(textOf), path: [...(parent?.path ?? []), textOf] };
      headings.push(heading);
      // A one- or two-word label between a list's intro ("... representerade:") and the list ("Kommunerna") keeps the intro.
      if (md || textOf.split(/\s+/).length > 2 || !lastSentence?.text.endsWith(':')) lastSentence = null;
      inList = false;
      block++;
      return;
    }
    const item = ITEM.exec(line.text);
    if (item) {
      if (!inList) block++;
      inList = true;
      const numbered = item[2] !== undefined;
      const content = numbered ? t : item[3]!;
      segments.push({
        text: content,
        start: line.start + line.text.indexOf(content),
        kind: 'item',
        heading,
        intro: lastSentence,
        ordinal: numbered ? Number(item[2]) : null,
        block,
      });
      return;
    }
    inList = false;
    block++;
    for (const s of sentences(line.text, line.start)) {
      const seg: Segment = { text: s.text, start: s.start, kind: 'sentence', heading, intro: null, ordinal: null, block };
      segments.push(seg);
      lastSentence = seg;
    }
  });
  return { text, headings, segments };
}

/** The section of a segment as the data files write it: its heading path joined by " > ". */
export function sectionOf(o: Outline, seg: { heading: Heading | null }): string {
  if (seg.heading) return seg.heading.path.join(' > ');
  return o.headings[0]?.text ?? firstLine(o.text);
}

export const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /\p{L}/u.test(l)) ?? 'Dokument';
