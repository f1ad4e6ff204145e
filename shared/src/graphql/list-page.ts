/**
 * Paging of Region's fact lists (`first`, `afterId`): the comparison's sync reads a large region page
 * by page instead of in one answer. A page is keyset on the table's `position` (document order): the
 * entries after the one whose id is `afterId`, at most `first` of them. One SQL statement per field:
 * the page and, when `afterId` names nothing, one marker row that says so (an unknown id is an error,
 * never an empty page that would look like the end of the list).
 *
 * Without `first` a list is answered whole up to MAX_REGION_LIST_PAGE entries; a longer one is a client error
 * that says to page (never a truncated list that looks complete, and never one answer so large that
 * building it takes the region's memory: 50,000 bodies are about 100 MB of JSON).
 */
import type { EntitySchema } from '@mikro-orm/core';
import { badUserInput } from '@samverkan/contract';
import type { SubgraphContext } from './context';

/** The largest page of a region's own list (`first`), and the longest list answered whole without it. */
export const MAX_REGION_LIST_PAGE = 5000;

export interface ListPage {
  first?: number | null;
  afterId?: string | null;
}

/** Rows of `entity` matching `where`, in document order, paged by `page` (the whole list without it). */
export async function readPage<T>(ctx: SubgraphContext, entity: EntitySchema<any>, where: Record<string, unknown>, page: ListPage = {}): Promise<T[]> {
  const { first, afterId } = page;
  if (first != null && (!Number.isInteger(first) || first < 1 || first > MAX_REGION_LIST_PAGE)) {
    throw badUserInput(`first must be between 1 and ${MAX_REGION_LIST_PAGE} (the entries of one page; page on with afterId), got ${first}.`);
  }
  const qb = ctx.em.createQueryBuilder(entity, 'p').select(['data', 'position']).where(where).orderBy({ position: 'asc' });
  // One more than the largest answer without `first`: enough to know the list is longer.
  qb.limit(first ?? MAX_REGION_LIST_PAGE + 1);
  const whole = <R>(rows: R[]): R[] => {
    if (first == null && rows.length > MAX_REGION_LIST_PAGE) {
      throw badUserInput(
        `This list has more than ${MAX_REGION_LIST_PAGE} entries: ask for it in pages, with first (at most ${MAX_REGION_LIST_PAGE}) and afterId (the id of the last entry of the previous page).`,
      );
    }
    return rows;
  };
  if (afterId == null) return whole(await qb.execute<Array<{ data: T }>>('all', false)).map((r) => r.data);
  const anchor = () => ctx.em.createQueryBuilder(entity, 'a').select('position').where({ id: afterId }).getKnexQuery();
  qb.andWhere('p.position > (?)', [anchor()]);
  const knex = ctx.em.getKnex();
  // The page, then a marker row (null position) only when afterId names no entry of the list.
  const query = knex
    .select('data', 'position')
    .from(qb.getKnexQuery().as('page'))
    .unionAll((marker) => {
      marker.select(knex.raw('null::jsonb as data'), knex.raw('null::integer as position')).whereNotExists(anchor());
    }, true)
    .orderBy('position', 'asc', 'last');
  const rows = (await query) as Array<{ data: T; position: number | null }>;
  if (rows.some((r) => r.position === null)) {
    throw badUserInput(`afterId "${afterId}" is not an entry of this list (give the id of the last entry of the previous page).`);
  }
  return whole(rows).map((r) => r.data);
}
