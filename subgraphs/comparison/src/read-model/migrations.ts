/**
 * The comparison's own PostgreSQL schema: the read model. A copy of every region's facts, fed by
 * sync (sync.ts) from each region's GraphQL contract, never from the regions' tables. The columns
 * the aggregates filter, sort and count on are real, indexed columns; the fact as the region served
 * it is JSONB beside them.
 */
import { RegionMigration } from '@samverkan/shared';
import { NAME_COLLATION } from './constants';
import { Migration20261129000000Aggregates } from './aggregate-tables';
import { Migration20261130000000BodyPageIndexes } from './body-page-migration';
import { Migration20261205000000Derivation } from './derivation-migration';
import { Migration20261205100000FrequencyRank } from './frequency-rank-migration';
import { Migration20261205200000SearchIndexFastUpdate } from './search-index-migration';

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
    this.addSql(
      `create index if not exists "body_frequency" on ${s}."body" ("min_per_year" desc nulls last, "max_per_year" desc nulls last) where "min_per_year" is not null or "max_per_year" is not null;`,
    );
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

/**
 * What the bodies and meeting-frequency aggregates filter and sort on, computed at sync time
 * (store.ts) so PostgreSQL filters, sorts, counts and pages: the role kinds present at a body and the
 * artifacts it produces (the functions bodies.ts used in memory), whether it states a regular
 * cadence, and its name in Swedish collation (NAME_COLLATION). Copies held from before this
 * migration lack them: their sync record is dropped, so the next sync (before the comparison serves)
 * writes them anew.
 */
export class Migration20261128000000BodyFilters extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`alter table ${s}."body" add column if not exists "role_kinds" text[] not null default '{}';`);
    this.addSql(`alter table ${s}."body" add column if not exists "report_artifacts" text[] not null default '{}';`);
    this.addSql(`alter table ${s}."body" add column if not exists "has_cadence" boolean not null default false;`);
    this.addSql(`create index if not exists "body_role_kinds" on ${s}."body" using gin ("role_kinds");`);
    this.addSql(`create index if not exists "body_report_artifacts" on ${s}."body" using gin ("report_artifacts");`);
    this.addSql(`create index if not exists "body_id" on ${s}."body" ("id");`);
    this.addSql(`create index if not exists "body_name_sv" on ${s}."body" ("name" collate ${NAME_COLLATION}, "region_code", "position");`);
    this.addSql(
      `create index if not exists "body_cadence_rank" on ${s}."body" ("min_per_year" desc nulls last, "max_per_year" desc nulls last) where "has_cadence";`,
    );
    this.addSql(`delete from ${s}."region_sync";`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const index of ['body_role_kinds', 'body_report_artifacts', 'body_id', 'body_name_sv', 'body_cadence_rank'])
      this.addSql(`drop index if exists ${s}."${index}";`);
    for (const column of ['role_kinds', 'report_artifacts', 'has_cadence']) this.addSql(`alter table ${s}."body" drop column if exists "${column}";`);
  }
}

/**
 * Each region's change history and dated events (read-model/changes.ts): the history is copied as
 * the region serves it (newest first across regions: "at", then region, then the region's own
 * sequence); events have their dates as spans (first and last day the text can mean) so the timeline
 * filters and orders in SQL. Held copies predate them: their sync record is dropped so the next sync
 * fetches both.
 */
export class Migration20261129100000History extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`create table if not exists ${s}."change" (
  "region_code" text not null,
  "seq" bigint not null,
  "at" timestamptz not null,
  "data" jsonb not null,
  primary key ("region_code", "seq")
);`);
    this.addSql(`create index if not exists "change_newest" on ${s}."change" ("at" desc, "region_code" desc, "seq" desc);`);
    this.addSql(`create table if not exists ${s}."event" (
  "region_code" text not null,
  "id" text not null,
  "position" integer not null,
  "kind" text not null,
  "from_start" date not null,
  "from_end" date not null,
  "to_end" date null,
  "data" jsonb not null,
  primary key ("region_code", "id")
);`);
    this.addSql(`create index if not exists "event_timeline" on ${s}."event" ("from_start", "region_code", "position");`);
    this.addSql(`delete from ${s}."region_sync";`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const table of ['event', 'change']) this.addSql(`drop table if exists ${s}."${table}";`);
  }
}

/**
 * The search index (search-index.ts fills it at sync time): one row per searchable item of every
 * region, with a tsvector in PostgreSQL's `swedish` configuration (name weight A, text B; stemming) and
 * a trigram index on the lower-cased text (pg_trgm: substrings, so "prevention" finds
 * "suicidprevention"). pg_trgm is created in the database's default schema when absent (it is a
 * trusted extension); a server without it fails here, with a message that says so. Held copies are
 * dropped so the next sync fills the index.
 */
export class Migration20261129000000SearchIndex extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`do $$ begin
  perform pg_advisory_xact_lock(hashtext('samverkan:create extension pg_trgm'));
  if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
    if not exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
      raise exception 'The comparison''s search index needs the PostgreSQL extension pg_trgm, which this server does not have: install the server''s contrib package (postgresql-contrib), or run on a server that has it';
    end if;
    begin
      create extension pg_trgm;
    exception when others then
      raise exception 'The comparison''s search index needs the PostgreSQL extension pg_trgm, and it could not be created: % (create it once as a superuser: create extension pg_trgm)', sqlerrm;
    end;
  end if;
end $$;`);
    this.addSql(`create table if not exists ${s}."search_item" (
  "region_code" text not null,
  "seq" integer not null,
  "kind" text not null,
  "id" text not null,
  "level" text null,
  "name" text not null,
  "text" text not null,
  "quote" text not null,
  "document_id" text not null,
  "document_title" text not null,
  "document_file" text not null,
  "section" text not null,
  "search_text" text generated always as (lower(regexp_replace("name" || ' ' || "text", '\\s+', ' ', 'g'))) stored,
  "tsv" tsvector generated always as (setweight(to_tsvector('swedish', "name"), 'A') || setweight(to_tsvector('swedish', "text"), 'B')) stored,
  primary key ("region_code", "seq")
);`);
    this.addSql(`create index if not exists "search_item_tsv" on ${s}."search_item" using gin ("tsv") with (fastupdate = off);`);
    this.addSql(`do $$ declare ext text; begin
  select n.nspname into ext from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  execute format('create index if not exists "search_item_trgm" on %s."search_item" using gin ("search_text" %I.gin_trgm_ops) with (fastupdate = off)', '${s.replace(/'/g, "''")}', ext);
end $$;`);
    this.addSql(`create index if not exists "search_item_item" on ${s}."search_item" ("region_code", "kind", "id");`);
    // Which derivation of the index rows a copy has (SEARCH_INDEX_VERSION): a copy indexed by older code is synced anew.
    this.addSql(`alter table ${s}."region_sync" add column if not exists "search_index_version" integer not null default 0;`);
    this.addSql(`delete from ${s}."region_sync";`);
  }

  override async down(): Promise<void> {
    // pg_trgm stays: other schemas of the database may use it.
    this.addSql(`drop table if exists ${this.schema}."search_item";`);
    this.addSql(`alter table ${this.schema}."region_sync" drop column if exists "search_index_version";`);
  }
}

export const READ_MODEL_MIGRATIONS = [
  { name: 'Migration20261127000000ReadModel', class: Migration20261127000000ReadModel },
  { name: 'Migration20261128000000BodyFilters', class: Migration20261128000000BodyFilters },
  { name: 'Migration20261129000000SearchIndex', class: Migration20261129000000SearchIndex },
  { name: 'Migration20261129000000Aggregates', class: Migration20261129000000Aggregates },
  { name: 'Migration20261129100000History', class: Migration20261129100000History },
  { name: 'Migration20261130000000BodyPageIndexes', class: Migration20261130000000BodyPageIndexes },
  { name: 'Migration20261205000000Derivation', class: Migration20261205000000Derivation },
  { name: 'Migration20261205100000FrequencyRank', class: Migration20261205100000FrequencyRank },
  { name: 'Migration20261205200000SearchIndexFastUpdate', class: Migration20261205200000SearchIndexFastUpdate },
];
