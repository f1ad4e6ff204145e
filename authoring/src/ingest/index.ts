/**
 * Ingest: a region's document (PDF, DOCX, HTML or plain text) to the normalized text that quotes are
 * checked against. The interface the other stages use; the formats live beside this file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** What one ingested document is. */
export interface Ingested {
  /** The normalized text: headings on their own lines, list items as "- ", paragraphs apart. */
  text: string;
  /** The original file. */
  origin: { fileName: string; mediaType: string; sha256: string; bytes: number };
}

/** Reads `file` into normalized text. Only plain text so far. */
export async function ingestFile(file: string): Promise<Ingested> {
  const bytes = readFileSync(file);
  return {
    text: bytes.toString('utf8'),
    origin: { fileName: basename(file), mediaType: 'text/plain', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
  };
}
