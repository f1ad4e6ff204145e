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
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { regionDataSource, type Fact, type FactKindName, type RegionData, type RegionDataSource } from '@samverkan/contract';
import { ChangeRecorder, type WrittenFact } from '../history/record';
import { DataVersionEntity } from './entities';
import { query } from './raw';

/** The data files of the last load, by file name (none before the first). */
export async function loadedDataFiles(orm: MikroORM): Promise<Array<{ file: string; sha256: string; loadedAt: Date }>> {
  const rows = await orm.em.fork().find(DataVersionEntity, {}, { orderBy: { file: 'asc' } });
  return rows.map((r) => ({ file: r.file, sha256: r.sha256, loadedAt: new Date(r.loadedAt) }));
}

const CHUNK = 1000;

export interface SeedResult {
  changed: boolean;
  bodies: number;
  changes: number;
}

const sameFiles = (loaded: Array<{ file: string; sha256: string }>, files: Array<{ file: string; sha256: string }>) => {
  const before = new Map(loaded.map((v) => [v.file, v.sha256]));
  return before.size === files.length && files.every((f) => before.get(f.file) === f.sha256);
};

/** The columns of each table the load writes, with their SQL types (migrations.ts). */
const FACT_COLUMNS = 'id text, position integer, document text, kind text, data jsonb';
const COLUMNS = {
  body:
    'id text, position integer, document text, name text, kind text, level text, permanence text, parent_id text, ' +
    'min_per_year double precision, max_per_year double precision, keeps_minutes boolean, substitute_rule text, data jsonb',
  role: FACT_COLUMNS,
  reporting_duty: FACT_COLUMNS,
  plan: FACT_COLUMNS,
  decision_rule: FACT_COLUMNS,
  regional_fact: FACT_COLUMNS,
  event: FACT_COLUMNS,
  source_document: 'file text, data jsonb',
  data_version: 'file text, sha256 text, loaded_at timestamptz',
} as const;
type Table = keyof typeof COLUMNS;

/** A table's rows (by column name) and the facts they store (the `data` column) with their order, for the history. */
interface Rows {
  table: Table;
  kind: FactKindName | null;
  rows: Array<Record<string, unknown>>;
  facts: WrittenFact[];
}

/** One data file's rows, as the tables take them. `documents`: how many documents earlier files had. */
function rowsOf(data: RegionData, documents: number, now: Date): Rows[] {
  const fact = <T extends { id: string; position: number; document: string }>(
    table: Table,
    kind: FactKindName,
    rows: T[],
    classify: (r: T) => string,
  ): Rows => {
    const stored = rows.map(({ position, document, ...rest }) => ({
      id: rest.id,
      position,
      document,
      kind: classify(rest as unknown as T),
      data: rest as unknown as Fact,
    }));
    return { table, kind, rows: stored, facts: stored.map((r) => ({ order: r.position, fact: r.data })) };
  };
  const bodies = data.bodies.map(({ position, ...b }) => ({
    id: b.id,
    position,
    document: b.document,
    name: b.name,
    kind: b.kind,
    level: b.level ?? null,
    permanence: b.permanence,
    parent_id: b.parent?.bodyId ?? null,
    min_per_year: b.cadence?.minPerYear ?? null,
    max_per_year: b.cadence?.maxPerYear ?? null,
    keeps_minutes: b.minutes?.kept ?? null,
    substitute_rule: b.substitutes.rule,
    data: b as unknown as Fact,
  }));
  const events = data.events.map(({ position, ...e }) => ({ id: e.id, position, document: e.document, kind: e.kind, data: e as unknown as Fact }));
  return [
    { table: 'body', kind: 'body', rows: bodies, facts: bodies.map((r) => ({ order: r.position, fact: r.data })) },
    fact('role', 'role', data.roles, (r) => r.kind),
    fact('reporting_duty', 'reportingDuty', data.reportingDuties, (d) => d.artifact),
    fact('plan', 'plan', data.plans, (p) => p.kind),
    fact('decision_rule', 'decisionRule', data.decisionRules, () => 'RULE'),
    fact('regional_fact', 'regionalFact', data.regionalFacts, (f) => f.topic),
    { table: 'event', kind: 'event', rows: events, facts: events.map((r) => ({ order: r.position, fact: r.data })) },
    {
      table: 'source_document',
      kind: 'document',
      rows: data.documents.map((d) => ({ file: d.file, data: d })),
      facts: data.documents.map((d, i) => ({ order: documents + i + 1, fact: d as unknown as Fact })),
    },
    { table: 'data_version', kind: null, rows: data.files.map((f) => ({ file: f.file, sha256: f.sha256, loaded_at: now.toISOString() })), facts: [] },
  ];
}

/**
 * Writes rows as one JSON parameter that PostgreSQL takes apart (jsonb_to_recordset): no SQL text
 * with every value inlined and escaped, which at 1,000 rows a statement made most of a load's garbage.
 */
async function insertRows(tx: EntityManager, schema: string, table: Table, rows: Array<Record<string, unknown>>): Promise<void> {
  const columns = COLUMNS[table];
  const names = columns
    .split(', ')
    .map((c) => `"${c.split(' ')[0]}"`)
    .join(', ');
  await query(tx, `insert into ${schema}."${table}" (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as x(${columns})`, [JSON.stringify(rows)]);
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
    const quoted = `"${schema.replace(/"/g, '""')}"`;
    for (const table of Object.keys(COLUMNS)) await tx.execute(`delete from ${quoted}."${table}"`);
    let documents = 0;
    for (const part of data.parts()) {
      // In chunks: one statement per CHUNK rows keeps the statement and the memory built for it
      // bounded, whatever the size of the file.
      for (const { table, kind, rows, facts } of rowsOf(part, documents, now)) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await insertRows(tx, quoted, table, rows.slice(i, i + CHUNK));
          if (kind) await history.compare(kind, facts.slice(i, i + CHUNK));
        }
      }
      documents += part.documents.length;
    }
    return history.finish();
  });
  return { changed: changes !== null, bodies: data.bodies, changes: changes ?? 0 };
}
