/**
 * The bodies page and the meeting-frequency table in PostgreSQL: filter, sort, count and page on the
 * read model's columns (store.ts writes them at sync time), one statement each. A page costs its
 * size, not the data's: each region in scope is read along an index in the page's order, from the
 * cursor on (keyset), at most `first + 1` rows, and the regions' rows are merged (body-indexes.ts
 * has the indexes). Only totalCount still counts every match, which is a plain count.
 *
 * The order is the one the in-memory sort gave (bodies.ts, frequency-table.ts): the requested key,
 * then registry order, then document order (`position`), which is what a stable sort over
 * registry-then-document order falls back to. Names sort in Swedish ICU collation.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Body, BodyFilter } from '@samverkan/contract';
import { NAME_COLLATION } from './constants';
import { PAGE_KEYS, type SortKey } from './body-indexes';
import { empty, join, raw, rows, sql, tableOf, type Sql } from './sql';

export type { SortKey };

export interface BodyQueryFilter extends BodyFilter {
  roleKinds?: readonly string[] | null;
  reportArtifacts?: readonly string[] | null;
}

/** The WHERE of a filter on `body` aliased b, without the regions (the scope's codes, given apart). */
function where(f: BodyQueryFilter | null | undefined): Sql {
  const parts: Sql[] = [sql`true`];
  if (f?.levels?.length) parts.push(sql`b.level = any(${f.levels}::text[])`);
  if (f?.kinds?.length) parts.push(sql`b.kind = any(${f.kinds}::text[])`);
  if (f?.permanence?.length) parts.push(sql`b.permanence = any(${f.permanence}::text[])`);
  if (f?.meetsAtLeast != null) parts.push(sql`b.min_per_year >= ${f.meetsAtLeast}`);
  if (f?.meetsAtMost != null) parts.push(sql`b.max_per_year <= ${f.meetsAtMost}`);
  if (f?.hasFrequency != null) parts.push(sql`(b.min_per_year is not null or b.max_per_year is not null) = ${f.hasFrequency}`);
  if (f?.keepsMinutes != null) parts.push(sql`b.keeps_minutes = ${f.keepsMinutes}`);
  if (f?.substituteRules?.length) parts.push(sql`b.substitute_rule = any(${f.substituteRules}::text[])`);
  if (f?.roleKinds?.length) parts.push(sql`b.role_kinds && ${f.roleKinds}::text[]`);
  if (f?.reportArtifacts?.length) parts.push(sql`b.report_artifacts && ${f.reportArtifacts}::text[]`);
  return join(parts, ' and ');
}

export interface BodyRow {
  body: Body;
  parentName: string | null;
  roleKinds: string[];
  reportArtifacts: string[];
}
export interface BodyPage {
  rows: BodyRow[];
  totalCount: number;
  hasNextPage: boolean;
  cursorFound: boolean;
}
/** A row of the page statement: the count and the cursor check on every row, a body's columns where data is not null. */
interface BodyPageSqlRow {
  total: number;
  cursor_found: boolean;
  data: Body | null;
  role_kinds: string[];
  report_artifacts: string[];
  parent_name: string | null;
}

/** The frequency table's order on a body row aliased `t` (frequency-rank-migration.ts: its index). */
const rankOrder = (t: string) => raw(`${t}.min_per_year desc nulls last, ${t}.frequency_approximate, ${t}.max_per_year desc nulls first`);

/** The regions in scope with their registry rank (the `r` of every per-region read). */
const regionsRanked = (codes: string[], regionOrder: string[]) =>
  sql`(select code, array_position(${regionOrder}::text[], code) as rank from unnest(${codes}::text[]) as code)`;

/**
 * One page: the bodies after `afterId` in the order (from the start without it), at most `first`,
 * with the count of all matching bodies and whether the cursor's body is among them.
 *
 * The cursor body's keys come from one lookup by id (with the filter: a cursor outside the result is
 * an error). A region's rows after it are those whose (keys, position) follow (cursor keys, p), where
 * p is the cursor's position in the cursor's own region, -1 in a region whose rows come after the
 * cursor's region's on equal keys (registry order, or its reverse for REGION DESC) and the largest
 * integer in one whose rows come before (equal keys precede the cursor).
 */
export async function bodyPage(
  knex: Knex,
  schema: string,
  codes: string[],
  regionOrder: string[],
  args: { filter?: BodyQueryFilter | null; sort: SortKey; desc: boolean; first: number; afterId: string | null },
): Promise<BodyPage> {
  if (!codes.length) return { rows: [], totalCount: 0, hasNextPage: false, cursorFound: args.afterId === null };
  const body = tableOf(schema, 'body');
  const w = where(args.filter);
  // The sort keys, the orders and the "after the cursor" condition are SQL built from body-indexes.ts's constants: no values.
  const sort = PAGE_KEYS[args.sort](args.desc);
  const keys = sort.keys.map((k, i) => raw(`${k.expr('b')} as k${i}`));
  const dir = (desc: boolean, reverse: boolean) => (desc !== reverse ? 'desc' : 'asc');
  /** The merged order over the regions' rows (alias a), or its reverse (the last cursor candidate first). */
  const order = (a: string, reverse = false) =>
    raw(
      [
        ...sort.keys.map((k, i) => `${a}.k${i} ${dir(k.desc, reverse)}`),
        `${a}.rank ${dir(sort.rankDesc, reverse)}`,
        `${a}.position ${dir(false, reverse)}`,
      ].join(', '),
    );
  const regionOrderBy = raw([...sort.keys.map((k) => `${k.expr('b')} ${dir(k.desc, false)}`), 'b.position'].join(', '));
  const cursor = args.afterId !== null;
  const before = sort.rankDesc ? 'r.rank > c.rank' : 'r.rank < c.rank';
  const cp = `case when r.rank = c.rank then c.position when ${before} then 2147483647 else -1 end`;
  const after = cursor
    ? raw(
        `and ${sort.after(
          sort.keys.map((k) => k.expr('b')),
          sort.keys.map((_k, i) => `c.k${i}`),
          'b.position',
          cp,
        )}`,
      )
    : empty;
  const cursorBody = cursor
    ? sql`c as (
  select x.* from (
    select ${join([...keys, sql`b.position, array_position(${regionOrder}::text[], b.region_code) as rank`], ', ')}
    from ${body} b where b.id = ${args.afterId} and b.region_code = any(${codes}::text[]) and ${w}
  ) x order by ${order('x', true)} limit 1
), `
    : empty;
  const query = sql`
with ${cursorBody}page as (
  select x.* from ${regionsRanked(codes, regionOrder)} r ${cursor ? sql`cross join c` : empty} cross join lateral (
    select ${join([...keys, sql`b.position, r.rank, b.region_code, b.id, b.data, b.role_kinds, b.report_artifacts`], ', ')}
    from ${body} b where b.region_code = r.code and ${w} ${after}
    order by ${regionOrderBy} limit ${args.first + 1}
  ) x order by ${order('x')} limit ${args.first + 1}
)
select (select count(*)::int from ${body} b where b.region_code = any(${codes}::text[]) and ${w}) as total,
  ${cursor ? sql`exists (select 1 from c)` : sql`true`} as cursor_found, p.*
from (select 1) one left join lateral (
  select x.*, parent.name as parent_name from page x
  left join lateral (
    select p.name from ${body} p where p.id = x.data->'parent'->>'bodyId' and p.region_code = any(${codes}::text[])
    order by array_position(${regionOrder}::text[], p.region_code) desc limit 1
  ) parent on true
) p on true
order by ${order('p')}`;
  const result = await rows<BodyPageSqlRow>(knex, query);
  const head = result[0]!;
  const found = result.filter((r) => r.data !== null);
  return {
    totalCount: head.total,
    cursorFound: head.cursor_found,
    hasNextPage: found.length > args.first,
    rows: found.slice(0, args.first).map((r) => ({ body: r.data!, parentName: r.parent_name, roleKinds: r.role_kinds, reportArtifacts: r.report_artifacts })),
  };
}

/**
 * The meeting-frequency table's rows: bodies with a stated frequency (contract: hasStatedFrequency)
 * matching the filter, most frequent first (documented minimum, unknown last; at the same minimum an
 * exact statement before an approximate one, then an open maximum before the highest stated one), then registry order, then name
 * (Swedish collation), then document order; the first `first`. Each region's first `first` along its
 * index (body_frequency_rank), merged.
 */
export async function frequencyBodies(
  knex: Knex,
  schema: string,
  codes: string[],
  regionOrder: string[],
  filter: BodyFilter | null | undefined,
  first: number,
): Promise<Body[]> {
  if (!codes.length) return [];
  const name = raw(`x.name collate ${NAME_COLLATION}`);
  const result = await rows<{ data: Body }>(
    knex,
    sql`select x.data from ${regionsRanked(codes, regionOrder)} r cross join lateral (
       select b.min_per_year, b.frequency_approximate, b.max_per_year, b.name, b.position, b.data from ${tableOf(schema, 'body')} b
       where b.region_code = r.code and b.has_frequency and ${where(filter)}
       order by ${rankOrder('b')}, ${raw(`b.name collate ${NAME_COLLATION}`)}, b.position
       limit ${first}
     ) x
     order by ${rankOrder('x')}, r.rank, ${name}, x.position
     limit ${first}`,
  );
  return result.map((r) => r.data);
}
