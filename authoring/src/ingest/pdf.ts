/**
 * PDF lines to blocks. First what is no document text is dropped: page headers and footers (the same
 * line, digits aside, at the same height in the top or bottom margin of most pages), page numbers, and
 * the table of contents (dotted leaders and a page number). Then: a line in a font clearly larger than
 * the body's, or a short line all in bold, is a heading (its level from its size); a line starting
 * with a bullet or "1." starts a list item; lines of a row of cells are a table; other lines join into
 * paragraphs, apart where the gap between lines is larger than the line spacing. A line that ends in a
 * hyphen is joined to the next without it only where a line break split a word (see `joinLines`).
 */
import { type Block, listItem, TOC_ENTRY, TOC_HEADING } from './blocks';
import type { PdfLine } from './pdf-lines';

/** The one change ingest makes to words: a hyphen at a line's end, the two parts (`before`, with the line break) and what they became. */
export interface HyphenBreak {
  page: number;
  before: string;
  after: string;
}

export interface PdfDropped {
  headersFooters: string[];
  pageNumbers: number;
  tableOfContents: string[];
}

/** Headers and footers stand in the top and bottom 8% of a page (A4: 67 pt), above and below the usual 2.5 cm margins of the text. */
const MARGIN = 0.08;
const PAGE_NUMBER = /^(?:(?:sida|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:av|of|\/)\s*\d{1,4}|\s*\(\d{1,4}\))?$/i;
const BULLET = /^([•▪◦●○■□◆‣∙·\-–*\uf0b7\uf0a7\uf076\uf0d8])\s+/;
const NUMBERED = /^(\d{1,2})[.)]\s+/;
/** Words after which a hyphen at a line's end is a suspended one ("hälso- och sjukvård"): kept, with its space. */
const SUSPENDING = new Set(['och', 'eller', 'samt', 'respektive', 'resp.', 'som', 'men', 'till', 'and', 'or', 'to']);

const inMargin = (l: PdfLine) => l.y > l.pageHeight * (1 - MARGIN) || l.y < l.pageHeight * MARGIN;

/** Drops headers, footers, page numbers and the table of contents; says what it dropped. */
export function dropPageFurniture(lines: PdfLine[], pages: number): { lines: PdfLine[]; dropped: PdfDropped } {
  const dropped: PdfDropped = { headersFooters: [], pageNumbers: 0, tableOfContents: [] };
  const key = (l: PdfLine) => `${Math.round(l.y / 3)}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
  const onPages = new Map<string, Set<number>>();
  for (const l of lines.filter(inMargin)) onPages.set(key(l), (onPages.get(key(l)) ?? new Set()).add(l.page));
  const repeated = new Set([...onPages].filter(([, p]) => p.size >= 2 && p.size > pages / 2).map(([k]) => k));
  const kept: PdfLine[] = [];
  for (const l of lines) {
    if (inMargin(l) && PAGE_NUMBER.test(l.text.trim())) dropped.pageNumbers++;
    else if (inMargin(l) && repeated.has(key(l))) {
      if (!dropped.headersFooters.includes(l.text)) dropped.headersFooters.push(l.text);
    } else if (TOC_ENTRY.test(l.text.trim())) {
      const last = kept[kept.length - 1];
      if (last && TOC_HEADING.test(last.text.trim())) dropped.tableOfContents.push(kept.pop()!.text);
      dropped.tableOfContents.push(l.text);
    } else kept.push(l);
  }
  return { lines: kept, dropped };
}

/** The size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * Two lines of one paragraph as one text. A line ending in a hyphen after a letter, followed by a
 * letter: before "och", "eller", "samt" ... the hyphen is a suspended one and stays ("hälso- och");
 * where the document writes the hyphenated form elsewhere on one line, or the next part starts in
 * upper case or the first part is an abbreviation ("ViSam-modellen", "RF-SISU"), the hyphen stays and
 * the break goes; otherwise a line break split a word and the hyphen goes ("samverkans-" "ledare").
 */
export function joinLines(a: string, b: string, page: number, wholeText: string, changes: HyphenBreak[]): string {
  const m = /(\p{L}[\p{L}\d]*)-$/u.exec(a);
  const next = /^(\p{L}[\p{L}\d]*)/u.exec(b);
  if (!m || !next || /\s-$/.test(a)) return `${a} ${b}`;
  const [first, second] = [m[1]!, next[1]!];
  const word = b.split(/\s/)[0]!.toLowerCase();
  if (SUSPENDING.has(word)) return `${a} ${b}`;
  const hyphenated = `${first}-${second}`;
  const keep = wholeText.toLowerCase().includes(hyphenated.toLowerCase()) || /^\p{Lu}/u.test(second) || /\p{Lu}|\d/u.test(first.slice(1));
  const after = keep ? `${a}${b}` : `${a.slice(0, -1)}${b}`;
  changes.push({ page, before: `${first}-\n${second}`, after: keep ? hyphenated : `${first}${second}` });
  return after;
}

interface Open {
  kind: 'paragraph' | 'item';
  text: string;
  x: number;
  last: PdfLine;
  ordinal: number | null;
}

/** The blocks of a PDF's lines (page furniture already dropped). */
export function pdfBlocks(lines: PdfLine[], changes: HyphenBreak[]): Block[] {
  const body = bodySize(lines);
  const wholeText = lines.map((l) => l.text).join('\n');
  const isHeading = (l: PdfLine) =>
    !l.text.includes('\t') &&
    !BULLET.test(l.text) &&
    l.text.length <= 150 &&
    (l.size >= body * 1.15 || (l.bold && l.size >= body * 0.95 && l.text.length <= 120 && !/[.,;]$/.test(l.text)));
  const headingSizes = [...new Set(lines.filter(isHeading).map((l) => l.size))].sort((a, b) => b - a);
  const levelOf = (l: PdfLine) => {
    const larger = headingSizes.filter((s) => s >= body * 1.15);
    return l.size >= body * 1.15 ? larger.indexOf(l.size) + 1 : larger.length + 1;
  };
  // The usual distance between two lines of body text on a page: larger gaps part paragraphs.
  const gaps = lines
    .slice(1)
    .map((l, i) => (l.page === lines[i]!.page && l.size === body && lines[i]!.size === body ? lines[i]!.y - l.y : 0))
    .filter((g) => g > 0);
  const pitch = gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : body * 1.2;

  const blocks: Block[] = [];
  let open: Open | null = null;
  const close = () => {
    if (!open) return;
    const text = open.text.trim();
    if (open.kind === 'paragraph') blocks.push({ kind: 'paragraph', text });
    else {
      const last = blocks[blocks.length - 1];
      const item = listItem(text, open.ordinal);
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    }
    open = null;
  };
  const follows = (prev: PdfLine, l: PdfLine) => (prev.page === l.page ? prev.y - l.y <= pitch * 1.3 : !/[.!?:]$/.test(prev.text) && /^\p{Ll}/u.test(l.text));

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isHeading(l)) {
      close();
      const last = blocks[blocks.length - 1];
      const prev = lines[i - 1];
      // A heading that wraps: the next line of the same heading continues it.
      if (last?.kind === 'heading' && prev && isHeading(prev) && prev.size === l.size && prev.page === l.page && prev.y - l.y <= l.size * 1.6)
        last.text += ` ${l.text}`;
      else blocks.push({ kind: 'heading', level: levelOf(l), text: l.text });
      continue;
    }
    if (l.text.includes('\t')) {
      close();
      const last = blocks[blocks.length - 1];
      const row = l.text.split('\t').map((c) => c.trim());
      if (last?.kind === 'table' && follows(lines[i - 1]!, l)) last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
      continue;
    }
    const bullet = BULLET.exec(l.text) ?? NUMBERED.exec(l.text);
    if (bullet) {
      close();
      const numbered = NUMBERED.test(l.text);
      open = { kind: 'item', text: l.text.slice(bullet[0].length), x: l.x, last: l, ordinal: numbered ? Number(bullet[1]) : null };
      continue;
    }
    const o = open as Open | null;
    if (o && follows(o.last, l) && (o.kind === 'paragraph' || l.x > o.x + 1)) {
      o.text = joinLines(o.text, l.text, l.page, wholeText, changes);
      o.last = l;
      continue;
    }
    close();
    open = { kind: 'paragraph', text: l.text, x: l.x, last: l, ordinal: null };
  }
  close();
  return blocks;
}
