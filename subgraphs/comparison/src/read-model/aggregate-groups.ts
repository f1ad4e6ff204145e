/**
 * Writing and reading the aggregates' precomputed groups (aggregate-tables.ts). Each aggregate's
 * definition gives its groups of one region's facts (aggregate-sync.ts); insertGroups stores them
 * in the sync's transaction, readGroups reads one aggregate's groups of the regions in scope, each
 * list cut to `first`, in one statement.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { badUserInput } from '@samverkan/contract';
import { DEFAULT_FIRST, MAX_FIRST } from './constants';
import type { Group, GroupsByRegion, ReadGroup } from '../aggregates/groups';
import { quoted, rows, sql, tableOf } from './sql';

const table = (schema: string, name: string) => quoted(schema)(name);
const CHUNK = 2000;

export async function deleteGroups(trx: Knex.Transaction, schema: string, code: string): Promise<void> {
  await trx.raw(`delete from ${table(schema, 'agg_item')} where region_code = ?`, [code]);
  await trx.raw(`delete from ${table(schema, 'agg_group')} where region_code = ?`, [code]);
}

/** A group as it is stored: its total, and only the first MAX_FIRST entries (no request reads more). */
export const storedGroup = (g: Group): Group => ({ ...g, total: g.total ?? g.items?.length ?? 0, items: (g.items ?? []).slice(0, MAX_FIRST) });

/** Adds one region's groups of some aggregates (inside the caller's transaction). */
export async function insertGroups(trx: Knex.Transaction, schema: string, code: string, byAggregate: Record<string, Group[]>): Promise<void> {
  const groups: object[] = [];
  const items: object[] = [];
  for (const [aggregate, list] of Object.entries(byAggregate)) {
    for (const g of list.map(storedGroup)) {
      groups.push({ region_code: code, aggregate, grp: g.grp, total: g.total, data: g.data ?? {} });
      g.items!.forEach((data, position) => items.push({ region_code: code, aggregate, grp: g.grp, position, data }));
    }
  }
  for (const [name, rows] of [
    ['agg_group', groups],
    ['agg_item', items],
  ] as const) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx.raw(`insert into ${table(schema, name)} select * from jsonb_populate_recordset(null::${table(schema, name)}, ?::jsonb)`, [
        JSON.stringify(rows.slice(i, i + CHUNK)),
      ]);
    }
  }
}

/**
 * One aggregate's groups of the given regions (only the named groups, when `grps` is given), each
 * with its first `first` entries: one statement, reading at most `first` entries per group.
 */
export async function readGroups(
  knex: Knex,
  schema: string,
  aggregate: string,
  codes: string[],
  first: number,
  grps?: string[] | null,
): Promise<GroupsByRegion> {
  const out = new Map(codes.map((c) => [c, new Map<string, ReadGroup<unknown, unknown>>()]));
  if (!codes.length) return out;
  const result = await rows<{ region_code: string; grp: string; total: number; data: unknown; items: unknown[] }>(
    knex,
    sql`select g.region_code, g.grp, g.total, g.data, coalesce(i.items, '[]'::jsonb) as items
     from ${tableOf(schema, 'agg_group')} g
     left join lateral (
       select jsonb_agg(x.data order by x.position) as items from (
         select data, position from ${tableOf(schema, 'agg_item')} i
         where i.aggregate = g.aggregate and i.region_code = g.region_code and i.grp = g.grp
         order by i.position limit ${first}
       ) x
     ) i on true
     where g.aggregate = ${aggregate} and g.region_code = any(${codes}::text[]) and (${grps ?? null}::text[] is null or g.grp = any(${grps ?? null}::text[]))`,
  );
  for (const r of result) {
    out.get(r.region_code)?.set(r.grp, { total: r.total, data: r.data, items: r.items });
  }
  return out;
}

/** The `first` argument of an aggregate: how many entries of each list, default DEFAULT_FIRST, 0 to MAX_FIRST. */
export function firstOf(first: number | null | undefined): number {
  if (first == null) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw badUserInput(`first must be between 0 and ${MAX_FIRST} (it gives the entries of each list of the answer; the counts give the rest).`);
  }
  return first;
}
