/**
 * The reporting duties aggregate in PostgreSQL: filter, sort, count and cut on the `fact` rows of
 * kind reportingDuties (indexed on artifact, fromBodyId, toBodyId), with the names of the bodies and
 * the role they link looked up among the regions in scope. One statement.
 *
 * The order is the one the in-memory sort gave: artifact in vocabulary order (an unknown one last),
 * then registry order, then document order. A name is looked up as the in-memory index did: the
 * last region in registry order that has the id.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { ReportingDuty } from '@samverkan/contract';
import { join, rows, sql, tableOf, type Sql } from './sql';

export interface DutyQuery {
  artifacts?: readonly string[] | null;
  hasFrequency?: boolean | null;
  bodyId?: string | null;
}

export interface DutyRow {
  duty: ReportingDuty;
  fromBodyName: string | null;
  toBodyName: string | null;
  fromRoleTitle: string | null;
}
/** A row of the statement: the count on every row, a duty's columns where data is not null. */
interface DutySqlRow {
  total: number;
  data: ReportingDuty | null;
  from_body_name: string | null;
  to_body_name: string | null;
  from_role_title: string | null;
}

export async function dutyRows(
  knex: Knex,
  schema: string,
  codes: string[],
  regionOrder: string[],
  artifactOrder: readonly string[],
  filter: DutyQuery | null | undefined,
  first: number,
): Promise<{ rows: DutyRow[]; totalCount: number }> {
  if (!codes.length) return { rows: [], totalCount: 0 };
  const fact = tableOf(schema, 'fact');
  const parts: Sql[] = [sql`f.kind = 'reportingDuties'`, sql`f.region_code = any(${codes}::text[])`];
  if (filter?.artifacts?.length) parts.push(sql`f.data->>'artifact' = any(${filter.artifacts}::text[])`);
  if (filter?.hasFrequency != null) {
    parts.push(sql`((f.data->'cadence'->>'minPerYear') is not null or (f.data->'cadence'->>'maxPerYear') is not null) = ${filter.hasFrequency}`);
  }
  if (filter?.bodyId) parts.push(sql`(f.data->>'fromBodyId' = ${filter.bodyId} or f.data->>'toBodyId' = ${filter.bodyId})`);
  const matching = join(parts, ' and ');
  /** In the last region in registry order that has it (as the in-memory index did). */
  const lastInRegistry = (region: Sql) => sql`${region} = any(${codes}::text[]) order by array_position(${regionOrder}::text[], ${region}) desc limit 1`;
  const bodyName = (id: Sql) => sql`(select p.name from ${tableOf(schema, 'body')} p where p.id = ${id} and ${lastInRegistry(sql`p.region_code`)})`;
  const result = await rows<DutySqlRow>(
    knex,
    sql`
with d as (
  select f.data, row_number() over (
    order by coalesce(array_position(${artifactOrder}::text[], f.data->>'artifact'), ${artifactOrder.length}), array_position(${regionOrder}::text[], f.region_code), f.position
  ) as n
  from ${fact} f where ${matching}
  order by n limit ${first}
), meta as (select count(*)::int as total from ${fact} f where ${matching})
select meta.total, d.data, ${bodyName(sql`d.data->>'fromBodyId'`)} as from_body_name, ${bodyName(sql`d.data->>'toBodyId'`)} as to_body_name,
  (select r.data->>'title' from ${fact} r where r.kind = 'roles' and r.id = d.data->>'fromRoleId' and ${lastInRegistry(sql`r.region_code`)}) as from_role_title
from meta left join d on true order by d.n`,
  );
  return {
    totalCount: result[0]?.total ?? 0,
    rows: result
      .filter((r) => r.data)
      .map((r) => ({ duty: r.data!, fromBodyName: r.from_body_name, toBodyName: r.to_body_name, fromRoleTitle: r.from_role_title })),
  };
}
