/**
 * The bodies page and the meeting-frequency table in PostgreSQL: filter, sort, count and page on the
 * read model's columns (store.ts writes them at sync time), so a request reads the rows of its
 * answer, not every body of the regions in scope. One statement each.
 *
 * The order is the one the in-memory sort gave (bodies.ts, frequency-table.ts): the requested key,
 * then registry order, then document order (`position`), which is what a stable sort over
 * registry-then-document order falls back to. Names sort in Swedish ICU collation.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Body, BodyFilter } from '@samverkan/contract';
import { NAME_COLLATION } from './migrations';

export type SortKey = 'MEETINGS_PER_YEAR' | 'NAME' | 'REGION';

export interface BodyQueryFilter extends BodyFilter {
  roleKinds?: readonly string[] | null;
  reportArtifacts?: readonly string[] | null;
}

/** The WHERE of a filter on `body` aliased b (the regions condition is the scope's `codes`). */
function where(f: BodyQueryFilter | null | undefined, codes: string[]): { sql: string; params: Knex.RawBinding[] } {
  const parts: string[] = ['b.region_code = any(?::text[])'];
  const params: Knex.RawBinding[] = [codes];
  const add = (sql: string, ...p: Knex.RawBinding[]) => { parts.push(sql); params.push(...p); };
  if (f?.levels?.length) add('b.level = any(?::text[])', f.levels);
  if (f?.kinds?.length) add('b.kind = any(?::text[])', f.kinds);
  if (f?.permanence?.length) add('b.permanence = any(?::text[])', f.permanence);
  if (f?.meetsAtLeast != null) add('b.min_per_year >= ?', f.meetsAtLeast);
  if (f?.meetsAtMost != null) add('b.max_per_year <= ?', f.meetsAtMost);
  if (f?.hasFrequency != null) add('(b.min_per_year is not null or b.max_per_year is not null) = ?', f.hasFrequency);
  if (f?.keepsMinutes != null) add('b.keeps_minutes = ?', f.keepsMinutes);
  if (f?.substituteRules?.length) add('b.substitute_rule = any(?::text[])', f.substituteRules);
  if (f?.roleKinds?.length) add('b.role_kinds && ?::text[]', [...f.roleKinds]);
  if (f?.reportArtifacts?.length) add('b.report_artifacts && ?::text[]', [...f.reportArtifacts]);
  return { sql: parts.join(' and '), params };
}

function orderBy(key: SortKey, desc: boolean): string {
  const dir = desc ? 'desc' : 'asc';
  const base = 'array_position(?::text[], b.region_code), b.position';
  switch (key) {
    // Nulls last in both directions: "no stated frequency" is not "meets least".
    case 'MEETINGS_PER_YEAR': return `b.min_per_year ${dir} nulls last, b.max_per_year ${dir} nulls last, ${base}`;
    case 'NAME': return `b.name collate ${NAME_COLLATION} ${dir}, ${base}`;
    case 'REGION': return `array_position(?::text[], b.region_code) ${dir}, b.position`;
  }
}

export interface BodyRow { body: Body; parentName: string | null; roleKinds: string[]; reportArtifacts: string[] }
export interface BodyPage { rows: BodyRow[]; totalCount: number; start: number; cursorFound: boolean }

/**
 * One page: the bodies after `afterId` in the order (from the start without it), at most `first`,
 * with the count of all matching bodies and whether the cursor's body is among them.
 */
export async function bodyPage(
  knex: Knex, schema: string, codes: string[], regionOrder: string[],
  args: { filter?: BodyQueryFilter | null; sort: SortKey; desc: boolean; first: number; afterId: string | null },
): Promise<BodyPage> {
  if (!codes.length) return { rows: [], totalCount: 0, start: 0, cursorFound: args.afterId === null };
  const t = (table: string) => `"${schema.replace(/"/g, '""')}"."${table}"`;
  const w = where(args.filter, codes);
  const sql = `
with matching as (
  select b.region_code, b.id, row_number() over (order by ${orderBy(args.sort, args.desc)}) as n
  from ${t('body')} b where ${w.sql}
), meta as (
  select count(*)::int as total, max(n) filter (where id = ?) as cursor_n from matching
)
select meta.total, meta.cursor_n, page.* from meta left join lateral (
  select m.n, b.data, b.role_kinds, b.report_artifacts, parent.name as parent_name
  from matching m
  join ${t('body')} b on b.region_code = m.region_code and b.id = m.id
  left join lateral (
    select p.name from ${t('body')} p where p.id = b.data->'parent'->>'bodyId' and p.region_code = any(?::text[])
    order by array_position(?::text[], p.region_code) desc limit 1
  ) parent on true
  where m.n > coalesce(meta.cursor_n, 0)
  order by m.n
  limit ?
) page on true`;
  const params = [regionOrder, ...w.params, args.afterId, codes, regionOrder, args.first] as Knex.RawBinding[];
  const result = await knex.raw(sql, params);
  const rows = result.rows as Array<{ total: number; cursor_n: string | null; n: string | null; data: Body; role_kinds: string[]; report_artifacts: string[]; parent_name: string | null }>;
  const head = rows[0]!;
  return {
    totalCount: head.total,
    start: head.cursor_n === null ? 0 : Number(head.cursor_n),
    cursorFound: args.afterId === null || head.cursor_n !== null,
    rows: rows.filter((r) => r.n !== null).map((r) => ({ body: r.data, parentName: r.parent_name, roleKinds: r.role_kinds, reportArtifacts: r.report_artifacts })),
  };
}

/**
 * The meeting-frequency table's rows: bodies with a regular cadence matching the filter, most
 * frequent first (documented minimum, then maximum, unknown last), then registry order, then name
 * (Swedish collation), then document order; the first `first`.
 */
export async function frequencyBodies(knex: Knex, schema: string, codes: string[], regionOrder: string[], filter: BodyFilter | null | undefined, first: number): Promise<Body[]> {
  if (!codes.length) return [];
  const t = `"${schema.replace(/"/g, '""')}"."body"`;
  const w = where(filter, codes);
  const result = await knex.raw(
    `select b.data from ${t} b where b.has_cadence and ${w.sql}
     order by b.min_per_year desc nulls last, b.max_per_year desc nulls last, array_position(?::text[], b.region_code), b.name collate ${NAME_COLLATION}, b.position
     limit ?`,
    [...w.params, regionOrder, first],
  );
  return (result.rows as Array<{ data: Body }>).map((r) => r.data);
}
