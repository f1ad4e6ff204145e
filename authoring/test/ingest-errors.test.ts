/**
 * Input ingest cannot read: each gives one clear message naming the file and the reason, and the
 * command (built, in authoring/dist) exits 1 without writing anything; a wrong command line exits 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest';
import { encryptedPdf, imageOnlyPdf, TEST_HTML, testDocx, testPdf, useTempDir } from './fixtures';

const CLI = resolve(__dirname, '../dist/cli/ingest.js');
const { dir: tempDir, write } = useTempDir('ingest-bad-');
const half = (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2));

const CASES: Array<[what: string, name: string, content: () => Promise<Uint8Array | string>, message: string]> = [
  ['an encrypted PDF', 'hemlig.pdf', encryptedPdf, 'hemlig.pdf: the PDF is encrypted (it needs a password to open); save an unprotected copy and ingest that'],
  ['a scanned PDF without text', 'skannad.pdf', imageOnlyPdf, 'skannad.pdf: the PDF has no text layer (2 pages of images: scanned?); run OCR on it first'],
  ['an empty PDF', 'tom.pdf', async () => '', 'tom.pdf: the file is empty'],
  ['an empty text', 'tom.txt', async () => '', 'tom.txt: the file is empty'],
  ['an HTML page of whitespace', 'tom.html', async () => ' \n\t\n', 'tom.html: the file is empty'],
  [
    'an HTML page without text',
    'bara-taggar.html',
    async () => '<html><body><p> </p></body></html>',
    'bara-taggar.html: no text in it (the document is empty once read)',
  ],
  ['a truncated PDF', 'halv.pdf', async () => half(await testPdf()), 'halv.pdf: the PDF is truncated: it does not end with %%EOF'],
  ['a truncated DOCX', 'halv.docx', async () => half(await testDocx()), 'halv.docx: the DOCX is truncated: its ZIP directory is missing'],
  [
    'text cut inside a character',
    'halv.txt',
    async () => Buffer.from('Gruppen träffas på Ö').subarray(0, -1),
    'halv.txt: the text is not valid UTF-8 (truncated, or another encoding); save it as UTF-8',
  ],
  [
    'a .pdf that is HTML',
    'sida.pdf',
    async () => TEST_HTML,
    'sida.pdf: the content does not match the extension .pdf: expected a PDF (starting with %PDF-), but it is HTML',
  ],
  [
    'a .docx that is a PDF',
    'uppdrag.docx',
    testPdf,
    'uppdrag.docx: the content does not match the extension .docx: expected a Word document (a ZIP archive with word/document.xml), but it is a PDF',
  ],
  [
    'a .docx that is another ZIP',
    'arkiv.docx',
    async () => Buffer.concat([Buffer.from('PK\x03\x04mimetypeapplication/zip', 'latin1'), Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]),
    'arkiv.docx: the content does not match the extension .docx: expected a Word document (a ZIP archive with word/document.xml), but it is a ZIP archive',
  ],
  [
    'an .html that is plain text',
    'text.html',
    async () => 'Gruppen träffas fyra gånger per år.\n',
    'text.html: the content does not match the extension .html: expected HTML (tags such as <html>, <body>, <p>), but it is text',
  ],
  ['a .txt that is a PDF', 'uppdrag.txt', testPdf, 'uppdrag.txt: the content does not match the extension .txt: expected plain text (UTF-8), but it is a PDF'],
  ['an unknown extension', 'tabell.xlsx', async () => 'PK\x03\x04', 'tabell.xlsx: unknown file type ".xlsx"; ingest reads .pdf, .docx, .html, .htm, .txt'],
];

describe('bad input', () => {
  for (const [what, name, content, message] of CASES) {
    it(`${what}: "${message}"`, async () => {
      const file = write(name, await content());
      await expect(ingestFile(file)).rejects.toThrow(message);
    });
  }

  it('a file that is not there', async () => {
    await expect(ingestFile(join(tempDir(), 'saknas.pdf'))).rejects.toThrow('saknas.pdf: no such file');
  });
});

describe('npm run ingest', () => {
  const ingest = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

  it('writes the text and its origin beside it, and prints a summary', async () => {
    const source = write('Uppdrag för Gruppen.pdf', await testPdf());
    const out = join(tempDir(), 'gruppen.txt');
    const r = ingest(source, '--out', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await ingestFile(source)).text);
    const sidecar = JSON.parse(readFileSync(`${out}.origin.json`, 'utf8'));
    expect(sidecar.origin).toEqual({ fileName: 'Uppdrag för Gruppen.pdf', mediaType: 'application/pdf', sha256: (await ingestFile(source)).origin.sha256 });
    expect(sidecar.dropped.pageNumbers).toBe(3);
    expect(r.stdout).toContain('dropped: 2 header/footer lines, 3 page numbers, 4 table-of-contents lines');
    expect(r.stdout).toContain('page 2: "samverkans-\\nfrågor" -> "samverkansfrågor"');

    const again = ingest(source, '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('gruppen.txt exists; --force replaces it');
    expect(ingest(source, '--out', out, '--force').status).toBe(0);
  });

  it('bad input: exit 1, the message, and no file written', async () => {
    const source = write('hemlig2.pdf', await encryptedPdf());
    const before = readdirSync(tempDir()).sort();
    const r = ingest(source, '--out', join(tempDir(), 'hemlig2.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: hemlig2.pdf: the PDF is encrypted (it needs a password to open); save an unprotected copy and ingest that\n');
    expect(readdirSync(tempDir()).sort()).toEqual(before);
    expect(existsSync(join(tempDir(), 'hemlig2.txt'))).toBe(false);
  });

  it('a wrong command line: exit 2 with the usage', () => {
    for (const args of [[], ['a.pdf', 'b.pdf'], ['a.pdf', '--bogus'], ['a.pdf', '--out', 'a.md']]) {
      const r = ingest(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run ingest -- <file.pdf|.docx|.html|.htm|.txt> [--out <file.txt>] [--force]');
    }
  });
});
