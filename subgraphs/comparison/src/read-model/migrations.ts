/**
 * The comparison's own PostgreSQL schema: the read model. A copy of every region's facts, fed by
 * sync (sync.ts) from each region's GraphQL contract, never from the regions' tables. The columns
 * the aggregates filter, sort and count on are real, indexed columns; the fact as the region served
 * it is JSONB beside them.
 */
import { RegionMigration } from '@samverkan/shared';

export class Migration20261127000000ReadModel extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`create schema if not exists ${s};`);
    this.addSql(`create table if not exists ${s}."region_sync" (
  "region_code" text primary key,
  "data_version" text not null,
  "synced_at" timestamptz not null,
  "missing_fields" jsonb not null default '[]'
);`);
    this.addSql(`create table if not exists ${s}."body" (
  "region_code" text not null,
  "id" text not null,
  "position" integer not null,
  "name" text not null,
  "kind" text not null,
  "level" text null,
  "permanence" text null,
  "min_per_year" double precision null,
  "max_per_year" double precision null,
  "keeps_minutes" boolean null,
  "substitute_rule" text null,
  "data" jsonb not null,
  primary key ("region_code", "id")
);`);
    this.addSql(`create index if not exists "body_region_position" on ${s}."body" ("region_code", "position");`);
    this.addSql(`create index if not exists "body_level_kind" on ${s}."body" ("level", "kind");`);
    this.addSql(`create index if not exists "body_frequency" on ${s}."body" ("min_per_year" desc nulls last, "max_per_year" desc nulls last) where "min_per_year" is not null or "max_per_year" is not null;`);
    this.addSql(`create index if not exists "body_name" on ${s}."body" ("name", "region_code", "id");`);
    this.addSql(`create table if not exists ${s}."fact" (
  "region_code" text not null,
  "kind" text not null,
  "id" text not null,
  "position" integer not null,
  "data" jsonb not null,
  primary key ("region_code", "kind", "id")
);`);
    this.addSql(`create index if not exists "fact_kind_region" on ${s}."fact" ("kind", "region_code", "position");`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const table of ['fact', 'body', 'region_sync']) this.addSql(`drop table if exists ${s}."${table}";`);
  }
}

export const READ_MODEL_MIGRATIONS = [{ name: 'Migration20261127000000ReadModel', class: Migration20261127000000ReadModel }];
