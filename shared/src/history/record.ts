/**
 * Appends to a region's change history, inside the load's transaction (orm/seed.ts): the facts the
 * tables held against the facts written, per fact (history/diff.ts: ADDED, REMOVED, CHANGED with
 * field diffs and quotes). The very first load of a schema is one INITIAL_LOAD entry, not one ADDED
 * entry per fact; a load whose files are all unchanged never comes here (seed.ts writes nothing).
 *
 * With bounded memory, whatever the size of the region: neither load is ever in memory as a whole.
 *  - `begin` copies what the tables hold (key, order, `data`) into a temporary table, in SQL, before
 *    seed.ts empties them.
 *  - seed.ts writes the new facts one data file at a time, in chunks; after each chunk, `compare` asks
 *    PostgreSQL which of its facts are new or whose `data` differs from the copy (jsonb equality), and
 *    diffs only those in full against the chunk's facts as written (JSON round trip, as the column
 *    does), so an unchanged fact costs one comparison in SQL.
 *  - `finish` pages through the copied facts that no longer exist (REMOVED), in their old order, then
 *    appends every entry in the order a diff of the whole region gives: by fact kind, new and changed
 *    facts in document order, removed ones after them. Entries wait in a temporary table till then.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { diffFacts, factKey, type Fact, type FactDiff, type FactKindName, type FactSet } from '@samverkan/contract';
import { DataChangeEntity } from '../orm/entities';
import { query } from '../orm/raw';

/** A region's data version: a hash of its data files' names and hashes (what GET /version serves). */
export function dataVersionOf(files: Array<{ file: string; sha256: string }>): string {
  const lines = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => `${f.file}:${f.sha256}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Each kind's table, key and order, in the order the history lists kinds (diffFacts over a whole FactSet). */
export const FACT_TABLES: Array<{ kind: FactKindName; table: string; key: string; order: string }> = [
  { kind: 'body', table: 'body', key: 'id', order: 'position' },
  { kind: 'role', table: 'role', key: 'id', order: 'position' },
  { kind: 'reportingDuty', table: 'reporting_duty', key: 'id', order: 'position' },
  { kind: 'plan', table: 'plan', key: 'id', order: 'position' },
  { kind: 'decisionRule', table: 'decision_rule', key: 'id', order: 'position' },
  { kind: 'regionalFact', table: 'regional_fact', key: 'id', order: 'position' },
  { kind: 'document', table: 'source_document', key: 'file', order: 'row_number() over (order by "file")' },
  { kind: 'event', table: 'event', key: 'id', order: 'position' },
];
const KIND_INDEX = new Map(FACT_TABLES.map((t, i) => [t.kind, i]));
const PAGE = 1000;
const one = (kind: FactKindName, facts: Fact[]) => ({ [kind]: facts }) as unknown as FactSet;

/** A fact as written, with its place: its position (a document: its data file's place in the load). */
export interface WrittenFact {
  order: number;
  fact: Fact;
}

export class ChangeRecorder {
  private constructor(
    private readonly em: EntityManager,
    private readonly schema: string,
    private readonly before: string | null,
    private readonly after: string,
    private readonly at: Date,
  ) {}

  /** Before the tables are emptied: `loaded` is what data_version held (nothing before the first load), `files` the new load's. */
  static async begin(
    em: EntityManager,
    schema: string,
    loaded: Array<{ file: string; sha256: string }>,
    files: Array<{ file: string; sha256: string }>,
    at: Date,
  ): Promise<ChangeRecorder> {
    const recorder = new ChangeRecorder(em, `"${schema.replace(/"/g, '""')}"`, loaded.length ? dataVersionOf(loaded) : null, dataVersionOf(files), at);
    if (recorder.before !== null) await recorder.copyHeld();
    return recorder;
  }

  private async copyHeld(): Promise<void> {
    await this.em.execute('create temporary table seed_held (kind smallint, key text, ord bigint, data jsonb, primary key (kind, key)) on commit drop');
    await this.em.execute(`create temporary table seed_change (kind smallint, phase smallint, ord bigint, change text, fact_kind text, fact_id text,
      fact_name text, fields jsonb, quote_before text, quote_after text) on commit drop`);
    for (const [i, t] of FACT_TABLES.entries()) {
      await this.em.execute(`insert into seed_held select ${i}, "${t.key}", ${t.order}, data from ${this.schema}."${t.table}"`);
    }
  }

  private async keep(kind: FactKindName, phase: 0 | 1, diffs: FactDiff[], order: Map<string, number>): Promise<void> {
    if (!diffs.length) return;
    const rows = diffs.map((d) => ({
      kind: KIND_INDEX.get(kind),
      phase,
      ord: order.get(d.factId),
      change: d.change,
      fact_kind: d.factKind,
      fact_id: d.factId,
      fact_name: d.factName,
      fields: d.fields,
      quote_before: d.quoteBefore,
      quote_after: d.quoteAfter,
    }));
    await query(
      this.em,
      `insert into seed_change select * from jsonb_to_recordset(?::jsonb) as x(kind smallint, phase smallint, ord bigint,
      change text, fact_kind text, fact_id text, fact_name text, fields jsonb, quote_before text, quote_after text)`,
      [JSON.stringify(rows)],
    );
  }

  /** After `facts` (one chunk of one kind) were written: keeps an entry for each that is new or changed. */
  async compare(kind: FactKindName, facts: WrittenFact[]): Promise<void> {
    if (this.before === null || facts.length === 0) return;
    const t = FACT_TABLES[KIND_INDEX.get(kind)!]!;
    const keys = facts.map((f) => factKey(kind, f.fact));
    const candidates = await query<{ key: string; data: Fact | null }>(
      this.em,
      `select n."${t.key}" as key, h.data from ${this.schema}."${t.table}" n left join seed_held h on h.kind = ? and h.key = n."${t.key}"
      where n."${t.key}" in (select jsonb_array_elements_text(?::jsonb)) and (h.key is null or h.data is distinct from n.data)`,
      [KIND_INDEX.get(kind), JSON.stringify(keys)],
    );
    if (!candidates.length) return;
    const held = new Map(candidates.map((c) => [c.key, c.data]));
    const written = facts.filter((f) => held.has(factKey(kind, f.fact)));
    // Round-trip through JSON, as the jsonb column does, so that what did not change compares equal.
    const after = JSON.parse(JSON.stringify(written.map((f) => f.fact))) as Fact[];
    const before = candidates.flatMap((c) => (c.data ? [c.data] : []));
    await this.keep(kind, 0, diffFacts(one(kind, before), one(kind, after)), new Map(written.map((f) => [factKey(kind, f.fact), f.order])));
  }

  /** After every file was written: the REMOVED entries, then every entry appended in order; resolves with their number. */
  async finish(): Promise<number> {
    if (this.before === null) {
      await this.em.insert(DataChangeEntity, {
        at: this.at,
        dataVersionBefore: null,
        dataVersionAfter: this.after,
        change: 'INITIAL_LOAD',
        factKind: null,
        factId: null,
        factName: null,
        fields: [],
        quoteBefore: null,
        quoteAfter: null,
      } as never);
      return 1;
    }
    for (const [i, t] of FACT_TABLES.entries()) {
      for (let last = -1; ;) {
        const gone = await query<{ ord: string; data: Fact }>(
          this.em,
          `select h.ord, h.data from seed_held h where h.kind = ? and h.ord > ? and not exists (select 1 from ${this.schema}."${t.table}" n where n."${t.key}" = h.key)
          order by h.ord limit ${PAGE}`,
          [i, last],
        );
        if (!gone.length) break;
        await this.keep(
          t.kind,
          1,
          diffFacts(
            one(
              t.kind,
              gone.map((g) => g.data),
            ),
            one(t.kind, []),
          ),
          new Map(gone.map((g) => [factKey(t.kind, g.data), Number(g.ord)])),
        );
        last = Number(gone.at(-1)!.ord);
      }
    }
    const [{ n }] = await this.em.execute<[{ n: number }]>('select count(*)::int as n from seed_change');
    await this.em.execute(
      `insert into ${this.schema}."data_change" ("at", "data_version_before", "data_version_after", "change", "fact_kind", "fact_id",
      "fact_name", "fields", "quote_before", "quote_after")
      select ?, ?, ?, change, fact_kind, fact_id, fact_name, fields, quote_before, quote_after from seed_change order by kind, phase, ord`,
      [this.at, this.before, this.after],
    );
    return n;
  }
}
