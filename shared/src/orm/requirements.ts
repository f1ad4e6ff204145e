/**
 * What the services need of their PostgreSQL server, checked at start so that a missing piece is named
 * at once instead of failing later in a migration or a query: the version (15 or newer: the oldest the
 * project is tested against is the embedded 18, and nothing it uses is newer than 15), for the
 * comparison also the ICU collation it sorts names with and the pg_trgm extension of its search index.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from './raw';

export interface PostgresRequirements {
  /** server_version_num at least (150000: PostgreSQL 15). */
  minVersionNum: number;
  /** Collations that must exist (pg_collation), e.g. "sv-x-icu". */
  collations?: string[];
  /** Extensions the server must offer (pg_available_extensions). */
  extensions?: string[];
}

export const POSTGRES_MIN_VERSION_NUM = 150000;

type Run = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** What the server lacks, one clear line each; empty when it has everything. */
export async function missingRequirements(run: Run, required: PostgresRequirements): Promise<string[]> {
  const missing: string[] = [];
  const [row] = await run("select current_setting('server_version_num')::int as num, current_setting('server_version') as version");
  const num = Number(row!.num);
  if (num < required.minVersionNum) {
    missing.push(`PostgreSQL ${Math.floor(required.minVersionNum / 10000)} or newer (this server is ${String(row!.version)})`);
  }
  for (const name of required.collations ?? []) {
    const found = await run('select 1 from pg_collation where collname = $1', [name]);
    if (!found.length) missing.push(`the ICU collation "${name}" (a server built with ICU: pg_collation has no "${name}")`);
  }
  for (const name of required.extensions ?? []) {
    const found = await run('select 1 from pg_available_extensions where name = $1', [name]);
    if (!found.length) missing.push(`the extension ${name} (not in pg_available_extensions: install the server's contrib package)`);
  }
  return missing;
}

/** The error for a server that lacks something, naming each missing piece. */
export function requirementsMessage(missing: string[]): string {
  return `PostgreSQL does not meet the requirements (README, "PostgreSQL"); missing: ${missing.join('; ')}`;
}

/** Throws requirementsMessage when the server lacks anything required. */
export async function checkPostgres(em: EntityManager, required: PostgresRequirements): Promise<void> {
  // knex binds `?`, the statements here are written with PostgreSQL's `$n`.
  const missing = await missingRequirements((sql, params) => query(em, sql.replace(/\$\d+/g, '?'), params), required);
  if (missing.length) throw new Error(requirementsMessage(missing));
}
