/**
 * CSV export. Swedish files are for Swedish Excel: semicolon-separated, decimal comma; English files
 * are comma-separated with a decimal point. Both: UTF-8 with a BOM (Excel then reads å, ä, ö), CRLF line
 * ends, RFC 4180 quoting. Every quote comes with its document and section columns (quoteCells).
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

/** Quote, document, section: three cells; several quotes are joined with " | " in the same order. */
export function quoteCells(quotes: Array<Quote | null | undefined>): [string, string, string] {
  const qs = quotes.filter((q): q is Quote => !!q);
  return [qs.map((q) => q.quote).join(' | '), qs.map((q) => q.document).join(' | '), qs.map((q) => q.section ?? '').join(' | ')];
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
