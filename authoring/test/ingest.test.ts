/**
 * Ingest of each format, from documents built here from one small text: the normalized text compared
 * exactly with the text written by hand below, and what ingest dropped and changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest';
import { longPdf, pdfOfText, TEST_HTML, testDocx, testPdf, useTempDir } from './fixtures';

const { write } = useTempDir('ingest-');

describe('PDF', () => {
  it('keeps headings, list items and table rows, drops header, footer, page numbers and contents, joins split words', async () => {
    const got = await ingestFile(write('uppdrag.pdf', await testPdf()));
    expect(got.text).toBe(`# Uppdragsbeskrivning för Testgruppen

## Bakgrund

Testgruppen bildades 2020 och består av representanter från kommunerna och regionen. Gruppen ansvarar för samverkansfrågor inom socialtjänst samt hälso- och sjukvård.

Gruppen är ett stöd till ledningen.

## Uppdrag

- Planera och samordna arbetet.
- Kalla till möten och föra minnesanteckningar i gruppen, och följa upp det som beslutas.
- Delta i arbetet med ViSam-modellen i länet.

## Arbetsformer

### Möten

Gruppen träffas fyra gånger per år. Ordförande kallar till mötena.

1. Första punkten.
2. Andra punkten.

Part\tAntal
Kommunerna\tTre
Regionen\tTvå
`);
    expect(got.pages).toBe(3);
    expect(got.origin.mediaType).toBe('application/pdf');
    expect(got.dropped).toEqual({
      headersFooters: ['Testgruppen – uppdragsbeskrivning', 'Region Testlän, version 2'],
      pageNumbers: 3,
      tableOfContents: [
        'Innehåll',
        'Bakgrund ........................................................ 2',
        'Uppdrag .......................................................... 2',
        'Arbetsformer .................................................. 3',
      ],
    });
    // "hälso-" before "och" is a suspended hyphen: no change, so not listed.
    expect(got.hyphenBreaks).toEqual([
      { page: 2, before: 'samverkans-\nfrågor', after: 'samverkansfrågor' },
      { page: 2, before: 'ViSam-\nmodellen', after: 'ViSam-modellen' },
    ]);
  });
});

describe('PDF of a source document', () => {
  // Two of the repository's documents, set as PDFs: they read back word for word, paragraphs across
  // pages included. Two differences, both layout: heading levels count from 1 (the largest size in the
  // PDF is level 1), and two lists one after the other are one list (PDF items stand apart by varying space).
  for (const name of ['000_15e43a147f007275.txt', '003_3bddda7b82c4b001.txt']) {
    it(`docs/sources/${name} reads back as it is`, async () => {
      const source = readFileSync(resolve(__dirname, '../../docs/sources', name), 'utf8');
      const got = await ingestFile(write(`${name}.pdf`, await pdfOfText(source)));
      expect(got.pages).toBeGreaterThan(1);
      expect(got.text).toBe(
        `${source
          .trim()
          .replace(/^##(#?) /gm, '#$1 ')
          .replace(/^(- .*)\n\n(?=- )/gm, '$1\n')}\n`,
      );
      expect(got.hyphenBreaks).toEqual([]);
    });
  }
});

describe('DOCX', () => {
  it('reads heading styles as headings, bullets and numbering as list items, bold and italic as marks, a table as rows', async () => {
    const file = write('uppdrag.docx', await testDocx());
    const got = await ingestFile(file);
    expect(got.text).toBe(`# Uppdragsbeskrivning för Testgruppen

## Bakgrund

Testgruppen bildades 2020 och arbetar för *Nära vård* i länet.

**Samordningsansvaret** ligger på regionen.

## Uppdrag

- Planera och samordna arbetet.
- Kalla till möten.

### Möten

1. Första punkten.
2. Andra punkten.

Part\tAntal
Kommunerna\tTre
`);
    expect(got.origin.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(got.pages).toBe(null);
  });
});

describe('HTML', () => {
  it('reads h1-h6, lists (nested ones indented), tables, emphasis and links; leaves out navigation, scripts and styles', async () => {
    const got = await ingestFile(write('uppdrag.html', TEST_HTML));
    expect(got.text).toBe(`# Uppdragsbeskrivning för Testgruppen

## Bakgrund

Testgruppen bildades 2020 och arbetar för *Nära vård* i länet. Läs [Samverkansplanen 2023–2026](https://example.org/plan) och [bilagan](#).

**Samordningsansvaret** ligger på regionen.
Inom socialtjänst och skola.

## Uppdrag

- Planera och samordna arbetet.
- Kalla till möten.
  - Minst fyra gånger per år.

### Möten

1. Första punkten.
2. Andra punkten.

Part\tAntal
Kommunerna\tTre
`);
    expect(got.origin).toEqual({
      fileName: 'uppdrag.html',
      mediaType: 'text/html',
      bytes: Buffer.byteLength(TEST_HTML),
      sha256: createHash('sha256').update(TEST_HTML).digest('hex'),
    });
  });
});

describe('a table of contents in HTML or DOCX', () => {
  it("is dropped: dotted leaders with a page number, Word's links to _Toc bookmarks, and the heading above them", async () => {
    const html = `<html><body><h1>Plan</h1><p>Innehåll</p>
<p><a href="#_Toc1">Bakgrund\t4</a></p><p><a href="#_Toc2">Uppdrag\t5</a></p>
<h2>Innehållsförteckning</h2><p>Bakgrund ........ 4</p><p>Uppdrag …… 5</p>
<h2>Bakgrund</h2><p>Se <a href="#_Toc2">Uppdrag</a> nedan. Punkter ..... 3 stycken.</p></body></html>`;
    const got = await ingestFile(write('innehall.html', html));
    expect(got.text).toBe('# Plan\n\n## Bakgrund\n\nSe [Uppdrag](#) nedan. Punkter ..... 3 stycken.\n');
    expect(got.dropped.tableOfContents).toEqual(['Innehåll', 'Bakgrund 4', 'Uppdrag 5', 'Innehållsförteckning', 'Bakgrund ........ 4', 'Uppdrag …… 5']);
  });
});

describe('plain text', () => {
  it('is taken as it is, line ends made \\n and a byte order mark left out', async () => {
    const got = await ingestFile(write('uppdrag.txt', '\uFEFFBakgrund\r\n\r\nGruppen  träffas *fyra* gånger.\r\n'));
    expect(got.text).toBe('Bakgrund\n\nGruppen  träffas *fyra* gånger.\n');
    expect(got.origin.mediaType).toBe('text/plain');
  });
});

describe('a 50-page PDF', () => {
  it('reads every page, with the header, footer and page number of each dropped (the time is logged, not asserted)', async () => {
    const file = write('lang.pdf', await longPdf(50));
    const started = performance.now();
    const got = await ingestFile(file);
    console.log(`50-page PDF (${got.origin.bytes} bytes) ingested in ${Math.round(performance.now() - started)} ms`);
    expect(got.pages).toBe(50);
    expect(got.dropped).toEqual({ headersFooters: ['Testgruppen – uppdragsbeskrivning', 'Region Testlän, version 2'], pageNumbers: 50, tableOfContents: [] });
    const blocks = got.text.split('\n\n');
    // Per page: a heading, four paragraphs of seven lines each, one list of five items.
    expect(blocks.length).toBe(50 * 6);
    expect(blocks.slice(0, 6)).toEqual([
      '# Avsnitt 1',
      ...[1, 2, 3, 4].map((p) =>
        [1, 2, 3, 4, 5, 6, 7].map((l) => `Stycke ${p} rad ${l} på sidan 1: gruppen träffas fyra gånger per år och följer upp arbetet`).join(' '),
      ),
      [1, 2, 3, 4, 5].map((i) => `- Punkt ${i} på sidan 1.`).join('\n'),
    ]);
  });
});
