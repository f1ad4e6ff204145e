/**
 * The rows of a region's copy (write-copy.ts writes them, in one transaction), the start and end of
 * that transaction, and the held copies' sync rows.
 */
import type { Knex } from '@mikro-orm/postgresql';
import {
  ARTIFACT_KINDS,
  hasStatedFrequency,
  ROLE_KINDS,
  type DataChange,
  type DatedEvent,
  type Body,
  type DecisionRule,
  type Plan,
  type RegionalFact,
  type ReportingDuty,
  type Role,
  type SourceDocument,
} from '@samverkan/contract';
import { roleKindsOfBody } from '../domain/offices';
import { READ_MODEL_DERIVATION } from './derivation';
import { quoted } from './sql';

export interface RegionSnapshot {
  code: string;
  dataVersion: string;
  missingFields: string[];
  documents: SourceDocument[];
  bodies: Body[];
  roles: Role[];
  reportingDuties: ReportingDuty[];
  plans: Plan[];
  decisionRules: DecisionRule[];
  regionalFacts: RegionalFact[];
  /** Absent for a region whose contract predates them (see changes.ts). */
  events?: DatedEvent[];
  changes?: DataChange[];
}

/** The fact lists kept in the `fact` table, by their name on Region. */
export const FACT_LISTS = ['documents', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts'] as const;
export type FactList = (typeof FACT_LISTS)[number];

const factId = (list: FactList, fact: Record<string, unknown>) => String(list === 'documents' ? fact.file : fact.id);

/**
 * The derived values the bodies filters read, per body (the role kinds present at it: of the roles
 * serving it and of the offices its own data states; the artifacts of the reporting duties from it),
 * in vocabulary order. Built as the copy is written: its roles and reporting duties are given first
 * (`role`, `duty`), holding per body only the kinds and artifacts, then each body as its page arrives.
 */
export function bodyDeriver() {
  const serving = new Map<string, Set<string>>();
  const producing = new Map<string, Set<string>>();
  const add = (to: Map<string, Set<string>>, id: string, value: string) => (to.get(id) ?? to.set(id, new Set()).get(id)!).add(value);
  return {
    role: (r: Role) => {
      for (const id of r.servesBodyIds) add(serving, id, r.kind);
    },
    duty: (d: ReportingDuty) => {
      if (d.fromBodyId) add(producing, d.fromBodyId, d.artifact);
    },
    body: (b: Body): { roleKinds: string[]; reportArtifacts: string[] } => {
      const kinds = roleKindsOfBody(b, serving.get(b.id) ?? []);
      const artifacts = producing.get(b.id) ?? new Set<string>();
      return { roleKinds: ROLE_KINDS.filter((k) => kinds.has(k)), reportArtifacts: ARTIFACT_KINDS.filter((a) => artifacts.has(a)) };
    },
  };
}

/** bodyDeriver over a region's whole lists. */
export function derivedOfBodies(s: Pick<RegionSnapshot, 'bodies' | 'roles' | 'reportingDuties'>): Array<{ roleKinds: string[]; reportArtifacts: string[] }> {
  const derive = bodyDeriver();
  s.roles.forEach(derive.role);
  s.reportingDuties.forEach(derive.duty);
  return s.bodies.map(derive.body);
}

/** A row of the `body` table. */
export function bodyRow(code: string, b: Body, position: number, derived: { roleKinds: string[]; reportArtifacts: string[] }) {
  return {
    region_code: code,
    id: b.id,
    position,
    name: b.name,
    kind: b.kind,
    level: b.level ?? null,
    permanence: b.permanence ?? null,
    min_per_year: b.cadence?.minPerYear ?? null,
    max_per_year: b.cadence?.maxPerYear ?? null,
    keeps_minutes: b.minutes?.kept ?? null,
    substitute_rule: b.substitutes?.rule ?? null,
    data: b,
    role_kinds: derived.roleKinds,
    report_artifacts: derived.reportArtifacts,
    has_frequency: hasStatedFrequency(b.cadence),
    frequency_approximate: b.cadence?.approximate ?? false,
  };
}

/** A row of the `fact` table. */
export const factRow = (code: string, list: FactList, f: Record<string, unknown>, position: number) => ({
  region_code: code,
  kind: list,
  id: factId(list, f),
  position,
  data: f,
});

/** `insert into <table> select * from jsonb_populate_recordset(...)`: rows as one JSON parameter. */
export async function insertRows(trx: Knex.Transaction, table: string, rows: object[]): Promise<void> {
  if (rows.length) await trx.raw(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [JSON.stringify(rows)]);
}

/** The one quoting of identifiers lives with the read model's SQL helpers (sql.ts); paged-sync.ts imports it from here. */

/**
 * The start of replacing a region's copy, inside `trx`: takes the region's advisory lock (two replicas
 * syncing at once take turns; the second finds nothing to do) and answers false when the version is held.
 */
export async function lockRegion(trx: Knex.Transaction, schema: string, code: string, dataVersion: string): Promise<boolean> {
  const q = quoted(schema);
  await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [`${schema}:${code}`]);
  const held = await trx.raw(`select 1 from ${q('region_sync')} where region_code = ? and data_version = ? and derivation = ?`, [
    code,
    dataVersion,
    READ_MODEL_DERIVATION,
  ]);
  return held.rows.length === 0;
}

/** The end of replacing a region's copy: its sync row, with what its contract lacks. */
export async function markSynced(trx: Knex.Transaction, schema: string, code: string, dataVersion: string, missingFields: string[]): Promise<void> {
  const q = quoted(schema);
  await trx.raw(
    `insert into ${q('region_sync')} (region_code, data_version, synced_at, missing_fields, derivation) values (?, ?, now(), ?::jsonb, ?)
     on conflict (region_code) do update set data_version = excluded.data_version, synced_at = excluded.synced_at, missing_fields = excluded.missing_fields,
       derivation = excluded.derivation`,
    [code, dataVersion, JSON.stringify(missingFields), READ_MODEL_DERIVATION],
  );
}

/** A held copy; `derivation`: which code derived it (derivation.ts). */
export interface HeldCopy {
  code: string;
  dataVersion: string;
  syncedAt: Date;
  missingFields: string[];
  derivation: string;
}

export async function heldCopies(knex: Knex, schema: string): Promise<Map<string, HeldCopy>> {
  const rows: Array<{ region_code: string; data_version: string; synced_at: string | Date; missing_fields: string[]; derivation: string }> = await knex
    .withSchema(schema)
    .from('region_sync')
    .select('region_code', 'data_version', 'synced_at', 'missing_fields', 'derivation');
  return new Map(
    rows.map((r) => [
      r.region_code,
      { code: r.region_code, dataVersion: r.data_version, syncedAt: new Date(r.synced_at), missingFields: r.missing_fields, derivation: r.derivation },
    ]),
  );
}
