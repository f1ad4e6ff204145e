/**
 * The base migration of every region schema. SQL is qualified with the subgraph's own schema (the
 * ORM's `schema` option), so running one subgraph's migrations can never touch another's tables.
 * A region adds its own migrations after this one in `subgraphs/<region>/src/migrations/`.
 */
import { Migration } from '@mikro-orm/migrations';

export abstract class RegionMigration extends Migration {
  /** The quoted name of this subgraph's schema. */
  protected get schema(): string {
    const name = this.config.get('schema');
    if (!name) throw new Error('A region migration needs the ORM option `schema`');
    return `"${name.replace(/"/g, '""')}"`;
  }
}

const factTable = (schema: string, table: string) => `create table if not exists ${schema}."${table}" (
  "id" text primary key,
  "position" integer not null,
  "document" text not null,
  "kind" text not null,
  "data" jsonb not null
);`;

export class Migration20261122000000RegionBase extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`create schema if not exists ${s};`);
    this.addSql(`create table if not exists ${s}."body" (
  "id" text primary key,
  "position" integer not null,
  "document" text not null,
  "name" text not null,
  "kind" text not null,
  "level" text null,
  "permanence" text not null,
  "parent_id" text null,
  "min_per_year" double precision null,
  "max_per_year" double precision null,
  "keeps_minutes" boolean null,
  "substitute_rule" text not null,
  "data" jsonb not null
);`);
    this.addSql(`create index if not exists "body_level_kind_idx" on ${s}."body" ("level", "kind");`);
    this.addSql(`create index if not exists "body_min_per_year_idx" on ${s}."body" ("min_per_year");`);
    for (const table of ['role', 'reporting_duty', 'plan', 'decision_rule', 'regional_fact']) this.addSql(factTable(s, table));
    this.addSql(`create table if not exists ${s}."source_document" ("file" text primary key, "data" jsonb not null);`);
    this.addSql(`create table if not exists ${s}."data_version" ("file" text primary key, "sha256" text not null, "loaded_at" timestamptz not null);`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const table of ['data_version', 'source_document', 'regional_fact', 'decision_rule', 'plan', 'reporting_duty', 'role', 'body']) {
      this.addSql(`drop table if exists ${s}."${table}";`);
    }
  }
}

/**
 * Dated events (a fact table like the others) and the append-only change history: one row per fact
 * added, removed or changed when the region loads a new data version (orm/seed.ts), or one
 * INITIAL_LOAD row for the first load. A schema that already holds data gets its INITIAL_LOAD row
 * here, with the version (the same hash as servedDataVersion) and time of that load.
 */
export class Migration20261129000000History extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(factTable(s, 'event'));
    this.addSql(`create table if not exists ${s}."data_change" (
  "seq" bigserial primary key,
  "at" timestamptz not null,
  "data_version_before" text null,
  "data_version_after" text not null,
  "change" text not null,
  "fact_kind" text null,
  "fact_id" text null,
  "fact_name" text null,
  "fields" jsonb not null default '[]',
  "quote_before" text null,
  "quote_after" text null
);`);
    this.addSql(`create index if not exists "data_change_at_idx" on ${s}."data_change" ("at");`);
    this.addSql(`insert into ${s}."data_change" ("at", "data_version_after", "change")
  select max("loaded_at"), substr(encode(sha256(convert_to(string_agg("file" || ':' || "sha256", E'\\n' order by "file" collate "C"), 'UTF8')), 'hex'), 1, 16), 'INITIAL_LOAD'
  from ${s}."data_version" having count(*) > 0 and not exists (select 1 from ${s}."data_change");`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."data_change";`);
    this.addSql(`drop table if exists ${s}."event";`);
  }
}

export const BASE_REGION_MIGRATIONS = [
  { name: 'Migration20261122000000RegionBase', class: Migration20261122000000RegionBase },
  { name: 'Migration20261129000000History', class: Migration20261129000000History },
];
