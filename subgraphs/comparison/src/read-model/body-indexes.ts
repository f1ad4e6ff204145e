/**
 * The orders of the bodies page, as body-query.ts reads them, and the indexes that give each one per
 * region (issue #13: a page costs its size). Every order is (keys, registry order, position); within
 * one region it is (keys, position), which an index on (region_code, keys, position) returns as
 * stored, from the cursor on. "Nulls last in both directions" on the meeting counts is written as
 * coalesce(±count, infinity) ascending (the counts are finite numbers), so every key but a
 * descending name is ascending and a page's start is one row comparison the index can seek to.
 */
import { NAME_COLLATION } from './constants';

export type SortKey = 'MEETINGS_PER_YEAR' | 'NAME' | 'REGION';

export interface PageKey {
  expr: (alias: string) => string;
  desc: boolean;
}
export interface PageOrder {
  keys: PageKey[];
  /** Registry order descending (REGION DESC); position is ascending in every order. */
  rankDesc: boolean;
  /** The condition "after the cursor" on a region's rows: keys and position against the cursor's keys and `cp`. */
  after: (keys: string[], cursor: string[], position: string, cp: string) => string;
}

const NAME = (a: string) => `${a}."name" collate ${NAME_COLLATION}`;
const INF = `'infinity'::double precision`;
/** The meeting counts' keys; alias '' for the bare columns (an index's expressions). */
export const meetings = (desc: boolean) =>
  (['min_per_year', 'max_per_year'] as const).map((c): PageKey => ({
    expr: (a) => `coalesce(${desc ? '-' : ''}${a ? `${a}.` : ''}"${c}", ${INF})`,
    desc: false,
  }));
/** Ascending keys: one row comparison, which a btree index seeks to. */
const rowAfter = (keys: string[], cursor: string[], position: string, cp: string) => `(${[...keys, position].join(', ')}) > (${[...cursor, cp].join(', ')})`;

export const PAGE_KEYS: Record<SortKey, (desc: boolean) => PageOrder> = {
  REGION: (desc) => ({ keys: [], rankDesc: desc, after: rowAfter }),
  MEETINGS_PER_YEAR: (desc) => ({ keys: meetings(desc), rankDesc: false, after: rowAfter }),
  NAME: (desc) => ({
    keys: [{ expr: NAME, desc }],
    rankDesc: false,
    // Descending name, ascending position: the index seeks to the cursor's name; its equal names are filtered.
    after: desc ? ([k], [c], position, cp) => `${k} <= ${c} and (${k} < ${c} or ${position} > ${cp})` : rowAfter,
  }),
};
