/**
 * Dates as precise as the documents state them, and the input checks of the history and timeline
 * arguments (a bad value is a BAD_USER_INPUT error naming it, never a crash).
 */
import { badUserInput } from '../errors';

export type Precision = 'YEAR' | 'MONTH' | 'DAY';

export interface DateSpan {
  precision: Precision;
  start: string;
  end: string;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2013" → 2013-01-01 … 2013-12-31 (YEAR), "2016-08" → the month, "2016-08-01" → that day; null when
 * the text is not such a date (or not a real day: "2023-02-30").
 */
export function dateSpan(text: string): DateSpan | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3] !== undefined) {
    const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
    return { precision: 'DAY', start: text, end: text };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { precision: 'MONTH', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  return { precision: 'YEAR', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

/** A timeline bound: YYYY, YYYY-MM or YYYY-MM-DD, else BAD_USER_INPUT. */
export function parseDateArg(name: string, value: string | null | undefined): DateSpan | null {
  if (value === null || value === undefined) return null;
  const span = dateSpan(value);
  if (!span) throw badUserInput(`${name}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return span;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A DateTime argument: an ISO 8601 date-time (or date), else BAD_USER_INPUT. */
export function parseDateTimeArg(name: string, value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const ms = DATE_TIME.test(text) ? Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text) : NaN;
  if (Number.isNaN(ms)) throw badUserInput(`${name}: "${text}" is not an ISO 8601 date-time (e.g. 2026-11-27T20:00:00Z)`);
  return new Date(ms);
}

export const DEFAULT_CHANGES_PAGE = 50;
export const MAX_CHANGES_PAGE = 200;

/** `first` of a history page: default 50, 0–200, else BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_CHANGES_PAGE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_CHANGES_PAGE) throw badUserInput(`first must be between 0 and ${MAX_CHANGES_PAGE}`);
  return n;
}
