/**
 * A PDF's text as lines with their place and font, read with pdfjs-dist (its text items carry a
 * position, a size and a font, whose name and flags say bold). A gap wider than one and a half times
 * the font size between two items on a line is a cell break (a tab); a smaller one a space.
 */
import { IngestError } from './detect';

export interface PdfLine {
  page: number;
  /** Baseline, from the page's bottom. */
  y: number;
  /** Left edge of the line, and of its text after a list bullet. */
  x: number;
  /** The page's height, for the margins. */
  pageHeight: number;
  /** The font size most of the line's characters have. */
  size: number;
  /** Every character is set in a bold font. */
  bold: boolean;
  /** The line's text; cells of a table row are separated by a tab. */
  text: string;
}

export interface PdfPages {
  pages: number;
  lines: PdfLine[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

/**
 * pdfjs-dist is an ES module. Node 20.19+ loads one with `require` (no top-level await in it), which
 * also works where a dynamic `import()` has no loader to call (vitest's module runner).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPdfJs = () => require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;

type PdfJs = { getDocument(o: Record<string, unknown>): { promise: Promise<PdfDoc> } };
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; fontName?: string }> }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { has(id: string): boolean; get(id: string): { name?: string; bold?: boolean; black?: boolean } };
  cleanup(): void;
}

/** A list bullet or a number ("3.", "2.1") alone before a gap: the text after it follows with a space, not as a table cell. */
const LEAD_MARK = /^(?:[•▪◦●○■□◆‣∙·\-–*\uf0b7\uf0a7\uf076\uf0d8]|\d{1,2}(?:\.\d{1,2})*[.)]?)$/;

/** Items on one baseline, left to right, as one line's text. */
function lineText(items: Item[]): string {
  let text = '';
  let end: number | null = null;
  for (const it of items) {
    if (end !== null) {
      const gap = it.x - end;
      if (gap > 1.5 * it.size && !LEAD_MARK.test(text.trim())) text = `${text.trimEnd()}\t`;
      else if (gap > 0.15 * it.size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
    }
    text += it.str;
    end = it.x + it.width;
  }
  return text.replace(/\s+$/, '').replace(/^[ \u00a0]+/, '');
}

function linesOfPage(items: Item[], page: number, pageHeight: number): PdfLine[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - it.y) < 0.5 * Math.min(g[0]!.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  return groups
    .map((g) => {
      g.sort((a, b) => a.x - b.x);
      const weight = new Map<number, number>();
      for (const it of g) weight.set(Math.round(it.size * 2) / 2, (weight.get(Math.round(it.size * 2) / 2) ?? 0) + it.str.trim().length);
      const size = [...weight].sort((a, b) => b[1] - a[1])[0]![0];
      const inked = g.filter((it) => it.str.trim());
      return { page, y: g[0]!.y, x: g[0]!.x, pageHeight, size, bold: inked.every((it) => it.bold), text: lineText(g) };
    })
    .filter((l) => l.text.trim() !== '');
}

/** Every line of every page, top to bottom; an IngestError for an encrypted or unreadable PDF. */
export async function pdfLines(file: string, bytes: Buffer): Promise<PdfPages> {
  const pdfjs = loadPdfJs();
  let doc: PdfDoc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
    }).promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException')
      throw new IngestError(file, 'the PDF is encrypted (it needs a password to open); save an unprotected copy and ingest that');
    throw new IngestError(file, `cannot be read as a PDF: ${err.message}`);
  }
  try {
    const lines: PdfLine[] = [];
    // Font ids are the document's: a font's weight is learnt once, from the first page that uses it.
    const bold = new Map<string, boolean>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const fonts = new Set(content.items.map((it) => it.fontName).filter((f): f is string => Boolean(f)));
      // A font's name and flags reach this side only once a page using it has its operators read.
      if ([...fonts].some((f) => !bold.has(f))) await page.getOperatorList();
      for (const font of fonts) {
        if (bold.has(font)) continue;
        const f = page.commonObjs.has(font) ? page.commonObjs.get(font) : {};
        bold.set(font, Boolean(f.bold || f.black || /bold|black|heavy|semibold|demi/i.test(f.name ?? '')));
      }
      const isBold = (font: string | undefined) => (font ? bold.get(font) === true : false);
      const items: Item[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.transform || it.str === '') continue;
        const [a, b, , , e, f] = it.transform as [number, number, number, number, number, number];
        items.push({ str: it.str, x: e, y: f, width: it.width ?? 0, size: Math.hypot(a, b), bold: isBold(it.fontName) });
      }
      const height = (page.view[3] ?? 0) - (page.view[1] ?? 0);
      lines.push(
        ...linesOfPage(
          items.filter((i) => i.str.trim() !== ''),
          n,
          height,
        ),
      );
      page.cleanup();
    }
    return { pages: doc.numPages, lines };
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(file, `cannot be read as a PDF: ${(e as Error).message}`);
  } finally {
    await doc.destroy();
  }
}
