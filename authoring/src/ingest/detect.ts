/**
 * Which format a file is, from its extension and checked against its first bytes (magic bytes), and
 * the errors ingest gives for input it cannot read. Every error names the file and the reason.
 */
import { basename, extname } from 'node:path';

export type MediaType = 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' | 'text/html' | 'text/plain';

export const PDF: MediaType = 'application/pdf';
export const DOCX: MediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const HTML: MediaType = 'text/html';
export const TEXT: MediaType = 'text/plain';

/** The extensions ingest reads, and what each must be. */
export const EXTENSIONS: Record<string, MediaType> = { '.pdf': PDF, '.docx': DOCX, '.html': HTML, '.htm': HTML, '.txt': TEXT };

/** Input ingest cannot read: the message names the file and says why. Nothing is written. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${basename(file)}: ${reason}`);
    this.name = 'IngestError';
  }
}

const startsWith = (bytes: Buffer, magic: string) => bytes.subarray(0, magic.length).toString('latin1') === magic;
const HTML_TAG = /<\s*(!doctype\s+html|html|head|body|title|p|div|h[1-6]|ul|ol|li|table|section|article|main|span|a)\b[^>]*>/i;

/** What the bytes look like, for a message: "a PDF", "a ZIP archive", "HTML", "binary data" or "text". */
export function looksLike(bytes: Buffer): string {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'a PDF';
  if (startsWith(bytes, 'PK\x03\x04')) return bytes.includes('word/document.xml') ? 'a Word document (DOCX)' : 'a ZIP archive';
  if (startsWith(bytes, '\xD0\xCF\x11\xE0')) return 'an old Word/Office file (.doc)';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'binary data';
  if (HTML_TAG.test(head.toString('utf8'))) return 'HTML';
  return 'text';
}

/** The file's media type, when its extension is known and its bytes are that kind of file; an IngestError otherwise. */
export function detect(file: string, bytes: Buffer): MediaType {
  const ext = extname(file).toLowerCase();
  const type = EXTENSIONS[ext];
  if (!type) {
    throw new IngestError(file, `unknown file type ${ext ? `"${ext}"` : '(no extension)'}; ingest reads ${Object.keys(EXTENSIONS).join(', ')}`);
  }
  if (bytes.length === 0 || (type !== PDF && type !== DOCX && bytes.toString('utf8').trim() === '')) throw new IngestError(file, 'the file is empty');
  const seen = looksLike(bytes);
  const mismatch = (what: string) => new IngestError(file, `the content does not match the extension ${ext}: expected ${what}, but it is ${seen}`);
  if (type === PDF) {
    if (seen !== 'a PDF') throw mismatch('a PDF (starting with %PDF-)');
    if (!bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF')) throw new IngestError(file, 'the PDF is truncated: it does not end with %%EOF');
  } else if (type === DOCX) {
    if (!startsWith(bytes, 'PK\x03\x04')) throw mismatch('a Word document (a ZIP archive with word/document.xml)');
    // The ZIP's directory is at its end: without its end record the file was cut off.
    if (!bytes.subarray(Math.max(0, bytes.length - 65_557)).includes('PK\x05\x06'))
      throw new IngestError(file, 'the DOCX is truncated: its ZIP directory is missing');
    if (!bytes.includes('word/document.xml')) throw mismatch('a Word document (a ZIP archive with word/document.xml)');
  } else if (type === HTML) {
    if (seen !== 'HTML') throw mismatch('HTML (tags such as <html>, <body>, <p>)');
  } else if (seen !== 'text' && seen !== 'HTML') {
    throw mismatch('plain text (UTF-8)');
  }
  return type;
}

/** UTF-8 text without a byte order mark and with \n line ends; an IngestError when the bytes are not UTF-8. */
export function decodeText(file: string, bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, 'the text is not valid UTF-8 (truncated, or another encoding); save it as UTF-8');
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
