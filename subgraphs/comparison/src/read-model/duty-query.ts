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
  const t = (table: string) => `"${schema.replace(/"/g, '""')}"."${table}"`;
  const parts = [`f.kind = 'reportingDuties'`, 'f.region_code = any(?::text[])'];
  const params: Knex.RawBinding[] = [codes];
  if (filter?.artifacts?.length) {
    parts.push(`f.data->>'artifact' = any(?::text[])`);
    params.push([...filter.artifacts]);
  }
  if (filter?.hasFrequency != null) {
    parts.push(`((f.data->'cadence'->>'minPerYear') is not null or (f.data->'cadence'->>'maxPerYear') is not null) = ?`);
    params.push(filter.hasFrequency);
  }
  if (filter?.bodyId) {
    parts.push(`(f.data->>'fromBodyId' = ? or f.data->>'toBodyId' = ?)`);
    params.push(filter.bodyId, filter.bodyId);
  }
  const name = (key: string) => `(select p.name from ${t('body')} p where p.id = d.data->>'${key}' and p.region_code = any(?::text[])
      order by array_position(?::text[], p.region_code) desc limit 1)`;
  const sql = `
with d as (
  select f.data, row_number() over (order by coalesce(array_position(?::text[], f.data->>'artifact'), ?), array_position(?::text[], f.region_code), f.position) as n
  from ${t('fact')} f where ${parts.join(' and ')}
  order by n limit ?
), meta as (select count(*)::int as total from ${t('fact')} f where ${parts.join(' and ')})
select meta.total, d.data, ${name('fromBodyId')} as from_body_name, ${name('toBodyId')} as to_body_name,
  (select r.data->>'title' from ${t('fact')} r where r.kind = 'roles' and r.id = d.data->>'fromRoleId' and r.region_code = any(?::text[])
    order by array_position(?::text[], r.region_code) desc limit 1) as from_role_title
from meta left join d on true order by d.n`;
  const result = await knex.raw(sql, [
    [...artifactOrder],
    artifactOrder.length,
    regionOrder,
    ...params,
    first,
    ...params,
    codes,
    regionOrder,
    codes,
    regionOrder,
    codes,
    regionOrder,
  ]);
  const rows = result.rows as Array<{
    total: number;
    data: ReportingDuty | null;
    from_body_name: string | null;
    to_body_name: string | null;
    from_role_title: string | null;
  }>;
  return {
    totalCount: rows[0]?.total ?? 0,
    rows: rows
      .filter((r) => r.data)
      .map((r) => ({ duty: r.data!, fromBodyName: r.from_body_name, toBodyName: r.to_body_name, fromRoleTitle: r.from_role_title })),
  };
}
