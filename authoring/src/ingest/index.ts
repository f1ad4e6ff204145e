/**
 * Ingest: a region's document (PDF, DOCX, HTML or plain text) to the normalized text that quotes are
 * checked against. The interface the other stages use; the formats live beside this file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Block, renderBlocks } from './blocks';
import { decodeText, detect, DOCX, HTML, IngestError, type MediaType, PDF } from './detect';
import { docxBlocks } from './docx';
import { htmlBlocks } from './html';
import { type HyphenBreak, dropPageFurniture, pdfBlocks } from './pdf';
import { pdfLines } from './pdf-lines';

export { IngestError } from './detect';
export type { MediaType } from './detect';
export type { HyphenBreak } from './pdf';

/** The original file, as a data file's `document.origin` records it. */
export interface Origin {
  fileName: string;
  mediaType: MediaType;
  sha256: string;
}

/** What ingest left out of the text, and why. */
export interface Dropped {
  /** Page headers and footers (PDF), each distinct line once. */
  headersFooters: string[];
  /** How many page numbers (PDF). */
  pageNumbers: number;
  /** The table of contents' lines, its heading included. */
  tableOfContents: string[];
}

/** What one ingested document is. */
export interface Ingested {
  /** The normalized text: headings on their own lines ("## Bakgrund"), list items as "- ", paragraphs apart. */
  text: string;
  /** The original file. */
  origin: Origin & { bytes: number };
  /** Pages of a PDF; null for the other formats. */
  pages: number | null;
  /** Every hyphen at a line's end that ingest joined across the break (PDF), removed or kept: its only changes to words. */
  hyphenBreaks: HyphenBreak[];
  dropped: Dropped;
}

/** Reads `file` into normalized text; an IngestError (naming the file and the reason) for input it cannot read. */
export async function ingestFile(file: string): Promise<Ingested> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(
      file,
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? (e as Error).message})`,
    );
  }
  const mediaType = detect(file, bytes);
  const dropped: Dropped = { headersFooters: [], pageNumbers: 0, tableOfContents: [] };
  const hyphenBreaks: HyphenBreak[] = [];
  let pages: number | null = null;
  let text: string;
  if (mediaType === PDF) {
    const read = await pdfLines(file, bytes);
    pages = read.pages;
    if (!read.lines.some((l) => l.text.trim()))
      throw new IngestError(file, `the PDF has no text layer (${read.pages} page${read.pages === 1 ? '' : 's'} of images: scanned?); run OCR on it first`);
    const kept = dropPageFurniture(read.lines, read.pages);
    Object.assign(dropped, kept.dropped);
    text = renderBlocks(pdfBlocks(kept.lines, hyphenBreaks));
  } else if (mediaType === DOCX || mediaType === HTML) {
    const blocks: Block[] =
      mediaType === DOCX ? await docxBlocks(file, bytes, dropped.tableOfContents) : htmlBlocks(decodeText(file, bytes), dropped.tableOfContents);
    text = renderBlocks(blocks);
  } else {
    text = decodeText(file, bytes);
  }
  if (!text.trim()) throw new IngestError(file, 'no text in it (the document is empty once read)');
  return {
    text,
    origin: { fileName: basename(file), mediaType, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
    pages,
    hyphenBreaks,
    dropped,
  };
}

/** The origin as a data file records it (no byte count). */
export const originOf = (i: Ingested): Origin => ({ fileName: i.origin.fileName, mediaType: i.origin.mediaType, sha256: i.origin.sha256 });

/** The sidecar `npm run ingest` writes beside a text: `<text>.origin.json`. */
export const sidecarPath = (textFile: string) => `${textFile}.origin.json`;

/** The origin recorded beside an ingested text, when there is one (what `npm run draft` copies into the data file). */
export function readOrigin(textFile: string): Origin | undefined {
  const path = sidecarPath(textFile);
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8')) as { origin: Origin }).origin;
}
