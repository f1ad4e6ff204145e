/**
 * CSV export. Swedish files are for Swedish Excel: semicolon-separated, decimal comma; English files
 * are comma-separated with a decimal point. Both: UTF-8 with a BOM (Excel then reads å, ä, ö), CRLF line
 * ends, RFC 4180 quoting. Every quote comes with its document's title, file and section columns (quoteCells).
 */
import type { Quote } from './api';
import type { Lang } from './i18n';

export type Cell = string | number | boolean | null | undefined;

export const separatorOf = (lang: Lang) => (lang === 'sv' ? ';' : ',');

export function toCsv(lang: Lang, header: string[], rows: Cell[][]): string {
  const sep = separatorOf(lang);
  const field = (v: Cell) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' && lang === 'sv' ? String(v).replace('.', ',') : String(v);
    return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(sep)).join('\r\n') + '\r\n';
}

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
