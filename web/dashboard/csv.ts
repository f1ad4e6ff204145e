/**
 * CSV export. Swedish files are for Swedish Excel: semicolon-separated, decimal comma; English files
 * are comma-separated with a decimal point. Both: UTF-8 with a BOM (Excel then reads å, ä, ö), CRLF line
 * ends, every field quoted (RFC 4180). Every quote comes with its document's title, file and section
 * columns (quoteCells). A text cell a spreadsheet would read as a formula (it begins with =, +, -, @,
 * a tab or a carriage return) is neutralized as OWASP recommends: a single quote before it.
 */
import type { Quote } from './api';
import type { Lang } from './i18n';

export type Cell = string | number | boolean | null | undefined;

export const separatorOf = (lang: Lang) => (lang === 'sv' ? ';' : ',');

/** The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: a number in the language's decimal style, text neutralized when it could be a formula; always quoted. */
export function csvField(lang: Lang, v: Cell): string {
  const s =
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? lang === 'sv'
          ? String(v).replace('.', ',')
          : String(v)
        : FORMULA_START.test(String(v))
          ? `'${String(v)}`
          : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(lang: Lang, header: string[], rows: Cell[][]): string {
  const sep = separatorOf(lang);
  return '\uFEFF' + [header, ...rows].map((r) => r.map((v) => csvField(lang, v)).join(sep)).join('\r\n') + '\r\n';
}

/** Each file's name in each language (the section's name), `<name>-<lang>.csv`. */
export const CSV_FILES = {
  frequency: ['motesfrekvens', 'meeting-frequency'],
  functions: ['funktioner', 'functions'],
  roles: ['roller', 'roles'],
  reporting: ['rapporteringsplikter', 'reporting-duties'],
  chains: ['rapporteringskedjor', 'reporting-chains'],
  matrix: ['jamforelsematris', 'comparison-matrix'],
  search: ['sokresultat', 'search-results'],
  changes: ['andringar', 'changes'],
  documents: ['dokument', 'documents'],
  timeline: ['tidslinje', 'timeline'],
} as const satisfies Record<string, [sv: string, en: string]>;
export type CsvFile = keyof typeof CSV_FILES;

export const csvFileName = (file: CsvFile, lang: Lang) => `${CSV_FILES[file][lang === 'sv' ? 0 : 1]}-${lang}.csv`;

/** The headers of quoteCells' columns (i18n-text keys): the quote, the document's title, its file, the section. */
export const QUOTE_COLUMNS = ['quote', 'document', 'file', 'section'] as const;

/** Quote, document title, file, section: four cells; several quotes are joined with " | " in the same order. */
export function quoteCells(quotes: Array<Quote | null | undefined>): [string, string, string, string] {
  const qs = quotes.filter((q): q is Quote => !!q);
  const join = (f: (q: Quote) => string) => qs.map(f).join(' | ');
  return [join((q) => q.quote), join((q) => q.documentTitle), join((q) => q.document), join((q) => q.section ?? '')];
}

export function downloadCsv(lang: Lang, filename: string, header: string[], rows: Cell[][]): void {
  const url = URL.createObjectURL(new Blob([toCsv(lang, header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
