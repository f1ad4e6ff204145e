/**
 * The aggregates' precomputed groups (issue #13): each region's share of every Landscape aggregate
 * except the bodies page, the frequency table and the reporting duties (those are queried on `body`
 * and `fact` directly), computed at sync time in the transaction that writes the copy (write-copy.ts)
 * and read with one bounded statement per aggregate (aggregate-groups.ts).
 *
 * A group is one list of one region's answer (the roles of one kind, the performers of one function,
 * the edges of a chain, the quotes of one matrix cell ...): `agg_group` holds its total and the
 * values beside the list, `agg_item` its first MAX_FIRST entries in answer order. No request can ask
 * for more than MAX_FIRST entries of a list, so what is stored, and what a request reads, does not
 * grow with the region's data.
 */
import { RegionMigration } from '@samverkan/shared';

export class Migration20261129000000Aggregates extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`create table if not exists ${s}."agg_group" (
  "region_code" text not null,
  "aggregate" text not null,
  "grp" text not null,
  "total" integer not null,
  "data" jsonb not null,
  primary key ("aggregate", "region_code", "grp")
);`);
    this.addSql(`create table if not exists ${s}."agg_item" (
  "region_code" text not null,
  "aggregate" text not null,
  "grp" text not null,
  "position" integer not null,
  "data" jsonb not null,
  primary key ("aggregate", "region_code", "grp", "position")
);`);
    // Reporting duties are filtered and sorted on the fact table itself.
    this.addSql(
      `create index if not exists "fact_duty_artifact" on ${s}."fact" ((data->>'artifact'), "region_code", "position") where "kind" = 'reportingDuties';`,
    );
    this.addSql(`create index if not exists "fact_duty_from_body" on ${s}."fact" ((data->>'fromBodyId')) where "kind" = 'reportingDuties';`);
    this.addSql(`create index if not exists "fact_duty_to_body" on ${s}."fact" ((data->>'toBodyId')) where "kind" = 'reportingDuties';`);
    this.addSql(`create index if not exists "fact_id" on ${s}."fact" ("kind", "id");`);
    // Copies held from before lack the groups: the next sync writes them.
    this.addSql(`delete from ${s}."region_sync";`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const index of ['fact_duty_artifact', 'fact_duty_from_body', 'fact_duty_to_body', 'fact_id']) this.addSql(`drop index if exists ${s}."${index}";`);
    for (const table of ['agg_item', 'agg_group']) this.addSql(`drop table if exists ${s}."${table}";`);
  }
}
