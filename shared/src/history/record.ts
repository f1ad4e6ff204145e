/**
 * Appends to a region's change history, inside the load's transaction (orm/seed.ts), before the
 * tables are replaced: the facts they hold against the facts about to be written (history/diff.ts).
 * The very first load of a schema is one INITIAL_LOAD entry, not one ADDED entry per fact.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import { diffFacts, type Fact, type FactKindName, type FactSet, type RegionData } from '@samverkan/contract';
import {
  BodyEntity, DataChangeEntity, DecisionRuleEntity, DocumentEntity, EventEntity, PlanEntity, RegionalFactEntity,
  ReportingDutyEntity, RoleEntity,
} from '../orm/entities';

/** A region's data version: a hash of its data files' names and hashes (what GET /version serves). */
export function dataVersionOf(files: Array<{ file: string; sha256: string }>): string {
  const lines = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => `${f.file}:${f.sha256}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

const TABLES: Record<FactKindName, EntitySchema<any>> = {
  body: BodyEntity, role: RoleEntity, reportingDuty: ReportingDutyEntity, plan: PlanEntity, decisionRule: DecisionRuleEntity,
  regionalFact: RegionalFactEntity, document: DocumentEntity, event: EventEntity,
};

/** What the tables hold, as the `data` column (the fact as served). */
async function heldFacts(em: EntityManager): Promise<FactSet> {
  const kinds = Object.keys(TABLES) as FactKindName[];
  const lists = await Promise.all(kinds.map((k) => em.createQueryBuilder(TABLES[k]).select('data')
    .orderBy(k === 'document' ? { file: 'asc' } : { position: 'asc' }).execute<Array<{ data: Fact }>>('all', false)));
  return Object.fromEntries(kinds.map((k, i) => [k, lists[i]!.map((r) => r.data)])) as FactSet;
}

/** The facts about to be written, in the shape seed.ts stores them in `data`. */
export function factSetOf(data: RegionData): FactSet {
  const strip = <T extends object>(rows: T[], keys: string[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))) as Fact);
  return {
    body: strip(data.bodies, ['position']),
    role: strip(data.roles, ['position', 'document']),
    reportingDuty: strip(data.reportingDuties, ['position', 'document']),
    plan: strip(data.plans, ['position', 'document']),
    decisionRule: strip(data.decisionRules, ['position', 'document']),
    regionalFact: strip(data.regionalFacts, ['position', 'document']),
    document: data.documents as unknown as Fact[],
    event: strip(data.events, ['position']),
  };
}

/** Appends the history of replacing what `loaded` describes with `data`; resolves with the number of entries. */
export async function recordChanges(em: EntityManager, loaded: Array<{ file: string; sha256: string }>, data: RegionData, at: Date): Promise<number> {
  const after = dataVersionOf(data.files);
  if (loaded.length === 0) {
    await em.insert(DataChangeEntity, {
      at, dataVersionBefore: null, dataVersionAfter: after, change: 'INITIAL_LOAD', factKind: null, factId: null, factName: null,
      fields: [], quoteBefore: null, quoteAfter: null,
    } as never);
    return 1;
  }
  const before = dataVersionOf(loaded);
  // Round-trip through JSON, as the jsonb column does, so an unchanged fact compares equal.
  const next = JSON.parse(JSON.stringify(factSetOf(data))) as FactSet;
  const diffs = diffFacts(await heldFacts(em), next);
  if (diffs.length) {
    await em.insertMany(DataChangeEntity, diffs.map((d) => ({ at, dataVersionBefore: before, dataVersionAfter: after, ...d })) as never[]);
  }
  return diffs.length;
}
