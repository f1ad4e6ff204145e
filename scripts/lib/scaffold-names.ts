/** The names a new region's files and edits share: its code, typename, folder, data file and title. */

export interface NewRegion {
  /** Lower-case letters: the subgraph's name, folder, PostgreSQL schema and drill-down root field. */
  code: string;
  /** Display name, as in the registry. */
  name: string;
  /** The source document in docs/sources/ (file name only). */
  sourceFile: string;
  /** The document's title: its first non-empty line, without Markdown heading marks. */
  title: string;
  port: number;
  /** The region's data file starts from a draft (`--data`): its top-level entries, and how many facts still carry a draft mark. */
  fromDraft?: { entries: number; proposals: number };
  /** The original file the source text was ingested from (`--source` a PDF, DOCX or HTML file), as ingest records it. */
  origin?: { fileName: string; mediaType: string; sha256: string };
}

export const CODE_PATTERN = /^[a-z]+$/;
export const regionTypename = (code: string) => `${code[0]!.toUpperCase()}${code.slice(1)}Region`;
export const regionDir = (code: string) => `subgraphs/${code}`;
export const dataFileName = (sourceFile: string) => sourceFile.replace(/\.txt$/, '.json');

/** The document's title: its first non-empty line, without leading `#` marks; quoted verbatim from the document. */
export function documentTitle(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  const title = line?.replace(/^#+\s*/, '').trim();
  if (!title) throw new Error('the source document has no text: its first non-empty line is its title');
  return title;
}
