/**
 * What an ingested document is called in docs/sources/, and the sidecar beside it: shared by
 * `npm run ingest`, `npm run draft` (a draft's `file`) and `npm run new-region -- --source`, so the
 * three name one document alike.
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { type Ingested, originOf } from './index';

/** A file name the data files accept ([\w.-]): lower case, letters without their accents, dashes for the rest. */
export function fileSlug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'document';
}

/**
 * The text file's name for a document: a text already in `sourcesDir` keeps its own name; any other
 * file (anywhere, any format) is ingested as `<slug of its name>.txt` (`Uppdrag för Gruppen.pdf` ->
 * `uppdrag-for-gruppen.txt`).
 */
export function textFileName(file: string, sourcesDir: string): string {
  const path = resolve(file);
  if (extname(path) === '.txt' && dirname(path) === resolve(sourcesDir)) return basename(path);
  return `${fileSlug(basename(path, extname(path)))}.txt`;
}

/** The sidecar's content: the origin a data file records, and what ingest changed or left out. */
export const sidecarContent = (i: Ingested) =>
  `${JSON.stringify({ origin: originOf(i), bytes: i.origin.bytes, pages: i.pages, hyphenBreaks: i.hyphenBreaks, dropped: i.dropped }, null, 2)}\n`;
