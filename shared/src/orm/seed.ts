/**
 * Loads a region's data into its schema, idempotently: when every data file's hash equals what was
 * loaded before, nothing is written; otherwise the region's facts are replaced in one transaction,
 * so a reader never sees half a load. Only data that passed every check (load.ts) comes here; refused
 * data leaves the last good load in place.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import type { RegionData } from '@samverkan/contract';
import {
  BodyEntity, DataVersionEntity, DecisionRuleEntity, DocumentEntity, PlanEntity, RegionalFactEntity,
  ReportingDutyEntity, RoleEntity,
} from './entities';

/** The data files of the last load, by file name (none before the first). */
export async function loadedDataFiles(orm: MikroORM): Promise<Array<{ file: string; sha256: string; loadedAt: Date }>> {
  const rows = await orm.em.fork().find(DataVersionEntity, {}, { orderBy: { file: 'asc' } });
  return rows.map((r) => ({ file: r.file, sha256: r.sha256, loadedAt: new Date(r.loadedAt) }));
}

const CHUNK = 1000;

export interface SeedResult { changed: boolean; bodies: number }

export async function seedRegion(orm: MikroORM, data: RegionData): Promise<SeedResult> {
  const em = orm.em.fork();
  const loaded = await em.find(DataVersionEntity, {});
  const before = new Map(loaded.map((v) => [v.file, v.sha256]));
  const same = before.size === data.files.length && data.files.every((f) => before.get(f.file) === f.sha256);
  if (same) return { changed: false, bodies: data.bodies.length };

  await em.transactional(async (tx) => {
    for (const schema of [BodyEntity as EntitySchema<any>, RoleEntity, ReportingDutyEntity, PlanEntity, DecisionRuleEntity, RegionalFactEntity, DocumentEntity, DataVersionEntity]) {
      await tx.nativeDelete(schema, {});
    }
    const fact = <T extends { id: string; position: number; document: string }>(rows: T[], kind: (r: T) => string) =>
      rows.map(({ position, document, ...rest }) => ({ id: rest.id, position, document, kind: kind(rest as unknown as T), data: rest }));
    // In chunks: one statement per CHUNK rows keeps the statement's parameters and the memory the
    // ORM builds for it bounded, whatever the size of the region (tens of thousands of bodies).
    const insertAll = async (schema: EntitySchema<any>, rows: object[]) => {
      for (let i = 0; i < rows.length; i += CHUNK) await tx.insertMany(schema, rows.slice(i, i + CHUNK));
    };
    if (data.bodies.length) {
      await insertAll(BodyEntity, data.bodies.map(({ position, ...b }) => ({
        id: b.id, position, document: b.document, name: b.name, kind: b.kind, level: b.level ?? null,
        permanence: b.permanence, parentId: b.parent?.bodyId ?? null,
        minPerYear: b.cadence?.minPerYear ?? null, maxPerYear: b.cadence?.maxPerYear ?? null,
        keepsMinutes: b.minutes?.kept ?? null, substituteRule: b.substitutes.rule, data: b,
      })));
    }
    const inserts: Array<[EntitySchema<any>, unknown[]]> = [
      [RoleEntity, fact(data.roles, (r) => r.kind)],
      [ReportingDutyEntity, fact(data.reportingDuties, (d) => d.artifact)],
      [PlanEntity, fact(data.plans, (p) => p.kind)],
      [DecisionRuleEntity, fact(data.decisionRules, () => 'RULE')],
      [RegionalFactEntity, fact(data.regionalFacts, (f) => f.topic)],
      [DocumentEntity, data.documents.map((d) => ({ file: d.file, data: d }))],
      [DataVersionEntity, data.files.map((f) => ({ file: f.file, sha256: f.sha256, loadedAt: new Date() }))],
    ];
    for (const [schema, rows] of inserts) await insertAll(schema, rows as object[]);
  });
  return { changed: true, bodies: data.bodies.length };
}
