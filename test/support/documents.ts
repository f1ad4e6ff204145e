/** The source documents (docs/sources/) and the quotes the API serves from them, as the tests read them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A quote as the API serves it: its document, the headings it stands under (joined by " > ") and the verbatim words. */
export interface Quote {
  document: string;
  section: string;
  quote: string;
}

/** The text of a source document, by its file name in docs/sources/. */
export const sourceText = (file: string) => readFileSync(join(__dirname, '..', '..', 'docs', 'sources', file), 'utf8');
