/**
 * Loads a region's data into its schema, idempotently: when every data file's hash equals what was
 * loaded before, nothing is written; otherwise the region's facts are replaced in one transaction,
 * so a reader never sees half a load. Only data that passed every check (contract data/load.ts) comes
 * here; refused data leaves the last good load in place.
 *
 * One data file at a time: the source (openRegionData) reads, converts and hands over one file's rows,
 * they are written in chunks and dropped, so a region's start holds one file's rows, not the region's.
 * The same transaction appends the change history (history/record.ts): what the tables held against
 * what is written, per fact, chunk by chunk. Processes starting on one schema at once take turns (an
 * advisory lock), so a new version is diffed and recorded once.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import { regionDataSource, type Fact, type FactKindName, type RegionData, type RegionDataSource } from '@samverkan/contract';
import { ChangeRecorder } from '../history/record';
import {
  BodyEntity, DataVersionEntity, DecisionRuleEntity, DocumentEntity, PlanEntity, RegionalFactEntity,
  ReportingDutyEntity, RoleEntity, EventEntity,
} from './entities';

/** The data files of the last load, by file name (none before the first). */
export async function loadedDataFiles(orm: MikroORM): Promise<Array<{ file: string; sha256: string; loadedAt: Date }>> {
  const rows = await orm.em.fork().find(DataVersionEntity, {}, { orderBy: { file: 'asc' } });
  return rows.map((r) => ({ file: r.file, sha256: r.sha256, loadedAt: new Date(r.loadedAt) }));
}

const CHUNK = 1000;

export interface SeedResult { changed: boolean; bodies: number; changes: number }

const sameFiles = (loaded: Array<{ file: string; sha256: string }>, files: Array<{ file: string; sha256: string }>) => {
  const before = new Map(loaded.map((v) => [v.file, v.sha256]));
  return before.size === files.length && files.every((f) => before.get(f.file) === f.sha256);
};

/** A table's rows and the facts they store (the `data` column) with their order, for the history. */
interface Rows { schema: EntitySchema<any>; kind: FactKindName | null; rows: object[]; facts: Array<{ order: number; fact: Fact }> }

/** One data file's rows, as the tables take them. `documents`: how many documents earlier files had. */
function rowsOf(data: RegionData, documents: number, now: Date): Rows[] {
  const fact = <T extends { id: string; position: number; document: string }>(schema: EntitySchema<any>, kind: FactKindName, rows: T[], classify: (r: T) => string): Rows => {
    const stored = rows.map(({ position, document, ...rest }) => ({ id: rest.id, position, document, kind: classify(rest as unknown as T), data: rest }));
    return { schema, kind, rows: stored, facts: stored.map((r) => ({ order: r.position, fact: r.data as Fact })) };
  };
  const bodies = data.bodies.map(({ position, ...b }) => ({
    id: b.id, position, document: b.document, name: b.name, kind: b.kind, level: b.level ?? null,
    permanence: b.permanence, parentId: b.parent?.bodyId ?? null,
    minPerYear: b.cadence?.minPerYear ?? null, maxPerYear: b.cadence?.maxPerYear ?? null,
    keepsMinutes: b.minutes?.kept ?? null, substituteRule: b.substitutes.rule, data: b,
  }));
  const events = data.events.map(({ position, ...e }) => ({ id: e.id, position, document: e.document, kind: e.kind, data: e }));
  return [
    { schema: BodyEntity, kind: 'body', rows: bodies, facts: bodies.map((r) => ({ order: r.position, fact: r.data as unknown as Fact })) },
    fact(RoleEntity, 'role', data.roles, (r) => r.kind),
    fact(ReportingDutyEntity, 'reportingDuty', data.reportingDuties, (d) => d.artifact),
    fact(PlanEntity, 'plan', data.plans, (p) => p.kind),
    fact(DecisionRuleEntity, 'decisionRule', data.decisionRules, () => 'RULE'),
    fact(RegionalFactEntity, 'regionalFact', data.regionalFacts, (f) => f.topic),
    { schema: EventEntity, kind: 'event', rows: events, facts: events.map((r) => ({ order: r.position, fact: r.data as unknown as Fact })) },
    {
      schema: DocumentEntity, kind: 'document', rows: data.documents.map((d) => ({ file: d.file, data: d })),
      facts: data.documents.map((d, i) => ({ order: documents + i + 1, fact: d as unknown as Fact })),
    },
    { schema: DataVersionEntity, kind: null, rows: data.files.map((f) => ({ file: f.file, sha256: f.sha256, loadedAt: now })), facts: [] },
  ];
}

/** Loads `data` (a checked source, read one file at a time, or a RegionData already in memory). */
export async function seedRegion(orm: MikroORM, input: RegionData | RegionDataSource): Promise<SeedResult> {
  const data = 'parts' in input ? input : regionDataSource(input);
  const em = orm.em.fork();
  if (sameFiles(await em.find(DataVersionEntity, {}), data.files)) return { changed: false, bodies: data.bodies, changes: 0 };

  const schema = orm.config.get('schema')!;
  const changes = await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`${schema}:seed`]);
    const loaded = await tx.find(DataVersionEntity, {});
    if (sameFiles(loaded, data.files)) return null;
    const now = new Date();
    const history = await ChangeRecorder.begin(tx, schema, loaded, data.files, now);
    for (const entity of [BodyEntity as EntitySchema<any>, RoleEntity, ReportingDutyEntity, PlanEntity, DecisionRuleEntity, RegionalFactEntity, EventEntity, DocumentEntity, DataVersionEntity]) {
      await tx.nativeDelete(entity, {});
    }
    let documents = 0;
    for (const part of data.parts()) {
      // In chunks: one statement per CHUNK rows keeps the statement's parameters and the memory the
      // ORM builds for it bounded, whatever the size of the file.
      for (const { schema: entity, kind, rows, facts } of rowsOf(part, documents, now)) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx.insertMany(entity, rows.slice(i, i + CHUNK));
          if (kind) await history.compare(kind, facts.slice(i, i + CHUNK));
        }
      }
      documents += part.documents.length;
    }
    return history.finish();
  });
  return { changed: changes !== null, bodies: data.bodies, changes: changes ?? 0 };
}
