/**
 * Test documents built in the test from one small text with headings and lists: a PDF (pdf-lib: a
 * larger bold font for headings, bullets, a page header and footer, page numbers, a contents page
 * with dotted leaders, hyphens at line ends), a DOCX (docx: heading styles, bullets and numbering)
 * and an HTML page. The expected texts are written by hand in the tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { PDFDocument, type PDFFont, type PDFPage, PDFHexString, StandardFonts } from 'pdf-lib';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A temporary folder for one test file, removed after it: `dir()` is its path, `write` puts a file in it. */
export function useTempDir(prefix: string): { dir: () => string; write: (name: string, content: Uint8Array | string) => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir: () => dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}
const A4: [number, number] = [595, 842];

/** A page with the running header, footer and page number every page has. */
function page(doc: PDFDocument, f: Fonts, n: number): PDFPage {
  const p = doc.addPage(A4);
  p.drawText('Testgruppen – uppdragsbeskrivning', { x: 72, y: 805, size: 9, font: f.regular });
  p.drawText('Region Testlän, version 2', { x: 72, y: 30, size: 9, font: f.regular });
  p.drawText(String(n), { x: 290, y: 50, size: 9, font: f.regular });
  return p;
}

/** Writes lines top-down from `y`; returns where the next line goes. */
function lines(p: PDFPage, f: Fonts, y: number, rows: Array<[text: string, opts?: { size?: number; bold?: boolean; x?: number; gapBefore?: number }]>): number {
  for (const [text, o = {}] of rows) {
    const size = o.size ?? 11;
    y -= o.gapBefore ?? 0;
    p.drawText(text, { x: o.x ?? 72, y, size, font: o.bold ? f.bold : f.regular });
    y -= size * 1.35;
  }
  return y;
}

/** The three-page test PDF: a title and contents page, then the text. */
export async function testPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const p1 = page(doc, f, 1);
  lines(p1, f, 740, [
    ['Uppdragsbeskrivning för Testgruppen', { size: 18, bold: true }],
    ['Innehåll', { size: 14, bold: true, gapBefore: 20 }],
    ['Bakgrund ........................................................ 2', { gapBefore: 6 }],
    ['Uppdrag .......................................................... 2'],
    ['Arbetsformer .................................................. 3'],
  ]);
  const p2 = page(doc, f, 2);
  lines(p2, f, 740, [
    ['Bakgrund', { size: 14, bold: true }],
    ['Testgruppen bildades 2020 och består av representanter från kommunerna och', { gapBefore: 6 }],
    ['regionen. Gruppen ansvarar för samverkans-'],
    ['frågor inom socialtjänst samt hälso-'],
    ['och sjukvård.'],
    ['Gruppen är ett stöd till ledningen.', { gapBefore: 10 }],
    ['Uppdrag', { size: 14, bold: true, gapBefore: 12 }],
    ['•  Planera och samordna arbetet.', { gapBefore: 6 }],
    ['•  Kalla till möten och föra minnesanteckningar i gruppen, och följa upp det'],
    ['som beslutas.', { x: 83 }],
    ['•  Delta i arbetet med ViSam-'],
    ['modellen i länet.', { x: 83 }],
  ]);
  const p3 = page(doc, f, 3);
  let y = lines(p3, f, 740, [
    ['Arbetsformer', { size: 14, bold: true }],
    ['Möten', { bold: true, gapBefore: 6 }],
    ['Gruppen träffas fyra gånger per år. Ordförande kallar till mötena.', { gapBefore: 4 }],
    ['1. Första punkten.', { gapBefore: 10 }],
  ]);
  // A numbered item as Word sets it: the number, a tab's gap, the text.
  p3.drawText('2.', { x: 72, y, size: 11, font: f.regular });
  p3.drawText('Andra punkten.', { x: 100, y, size: 11, font: f.regular });
  y -= 11 * 1.35;
  y -= 10;
  for (const [a, b] of [
    ['Part', 'Antal'],
    ['Kommunerna', 'Tre'],
    ['Regionen', 'Två'],
  ]) {
    p3.drawText(a!, { x: 72, y, size: 11, font: f.regular });
    p3.drawText(b!, { x: 250, y, size: 11, font: f.regular });
    y -= 11 * 1.35;
  }
  return doc.save();
}

/**
 * A normalized text set as a PDF the way a word processor would: "## " headings 16 pt bold, "### "
 * 13 pt bold, list items with a bullet and an indented second line, paragraphs wrapped at spaces to a
 * 450 pt column, running on to new pages.
 */
export async function pdfOfText(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  let p = doc.addPage(A4);
  let y = 770;
  const line = (t: string, size: number, font: PDFFont, x = 72) => {
    if (y < 80) [p, y] = [doc.addPage(A4), 770];
    p.drawText(t, { x, y, size, font });
    y -= size * 1.35;
  };
  const wrap = (t: string, width: number) => {
    const out: string[] = [];
    let cur = '';
    for (const w of t.split(' ')) {
      const next = cur ? `${cur} ${w}` : w;
      if (cur && f.regular.widthOfTextAtSize(next, 11) > width) [out[out.length], cur] = [cur, w];
      else cur = next;
    }
    return cur ? [...out, cur] : out;
  };
  for (const block of text.trim().split(/\n\s*\n/)) {
    for (const l of block.split('\n')) {
      const heading = /^(#+) (.*)$/.exec(l);
      const item = /^- (.*)$/.exec(l);
      if (heading) {
        y -= 8;
        line(heading[2]!, heading[1]!.length === 2 ? 16 : 13, f.bold);
        y -= 4;
      } else if (item) wrap(item[1]!, 440).forEach((w, i) => line(i ? w : `•  ${w}`, 11, f.regular, i ? 83 : 72));
      else wrap(l, 450).forEach((w) => line(w, 11, f.regular));
    }
    y -= 8;
  }
  return doc.save();
}

/** A PDF of `pages` pages of body text, each with a heading, paragraphs and a list, a header, footer and page number. */
export async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  for (let n = 1; n <= pages; n++) {
    const p = page(doc, f, n);
    const rows: Array<[string, { size?: number; bold?: boolean; x?: number; gapBefore?: number }?]> = [[`Avsnitt ${n}`, { size: 14, bold: true }]];
    for (let para = 0; para < 4; para++) {
      for (let l = 0; l < 7; l++)
        rows.push([
          `Stycke ${para + 1} rad ${l + 1} på sidan ${n}: gruppen träffas fyra gånger per år och följer upp arbetet`,
          { gapBefore: l === 0 ? 10 : 0 },
        ]);
    }
    for (let i = 0; i < 5; i++) rows.push([`•  Punkt ${i + 1} på sidan ${n}.`, { gapBefore: i === 0 ? 10 : 0 }]);
    lines(p, f, 760, rows);
  }
  return doc.save();
}

/** A PDF that asks for a password: its trailer names a standard security handler whose check the empty password fails. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage(A4).drawText('Hemlig text.', { x: 72, y: 700, size: 11, font: f });
  const ctx = doc.context;
  const hex = (b: number) => PDFHexString.of(b.toString(16).padStart(2, '0').repeat(32));
  const encrypt = ctx.obj({ Filter: 'Standard', V: 1, R: 2, O: hex(0x41), U: hex(0x42), P: -44 });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([hex(0x43), hex(0x43)]);
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose only page is a drawn shape: no text layer, like a scan. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(A4).drawRectangle({ x: 72, y: 500, width: 300, height: 200 });
  doc.addPage(A4).drawRectangle({ x: 72, y: 500, width: 300, height: 200 });
  return doc.save();
}

/** The test text as a Word document: heading styles, a bulleted and a numbered list, bold and italic runs, a table. */
export async function testDocx(): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Uppdragsbeskrivning för Testgruppen', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Bakgrund', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [new TextRun('Testgruppen bildades 2020 och arbetar för '), new TextRun({ text: 'Nära vård', italics: true }), new TextRun(' i länet.')],
          }),
          new Paragraph({ children: [new TextRun({ text: 'Samordningsansvaret', bold: true }), new TextRun(' ligger på regionen.')] }),
          new Paragraph({ text: 'Uppdrag', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Planera och samordna arbetet.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Kalla till möten.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Möten', heading: HeadingLevel.HEADING_3 }),
          new Paragraph({ text: 'Första punkten.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Andra punkten.', numbering: { reference: 'steps', level: 0 } }),
          new Table({ rows: [new TableRow({ children: [cell('Part'), cell('Antal')] }), new TableRow({ children: [cell('Kommunerna'), cell('Tre')] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The test text as a web page, with navigation and a script that are no document text. */
export const TEST_HTML = `<!doctype html>
<html lang="sv"><head><title>Testgruppen</title><style>p { color: red }</style></head>
<body>
<nav><a href="/">Start</a> | <a href="/om">Om oss</a></nav>
<main>
<h1>Uppdragsbeskrivning för  Testgruppen</h1>
<h2>Bakgrund</h2>
<p>Testgruppen bildades 2020 och arbetar
   för <em>Nära vård</em> i länet. Läs <a href="https://example.org/plan">Samverkansplanen 2023–2026</a> och <a href="#bilaga">bilagan</a>.</p>
<p><strong>Samordningsansvaret</strong> ligger på regionen.<br>Inom socialtjänst och skola.</p>
<h2>Uppdrag</h2>
<ul><li>Planera och samordna arbetet.</li><li>Kalla till möten.<ul><li>Minst fyra gånger per år.</li></ul></li></ul>
<h3>Möten</h3>
<ol><li>Första punkten.</li><li>Andra punkten.</li></ol>
<table><thead><tr><th>Part</th><th>Antal</th></tr></thead><tbody><tr><td>Kommunerna</td><td>Tre</td></tr></tbody></table>
<script>document.title = 'x'</script>
</main>
</body></html>
`;
