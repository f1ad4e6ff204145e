/**
 * What sync precomputes for the aggregates (aggregate-tables.ts): every aggregate's definition
 * (aggregates/: its kinds of group, how one region's facts become them, its version). The copy's
 * writer (write-copy.ts) calls writeGroupsOfRegion once the region's bodies and facts are written, in
 * the same transaction, so a copy and its aggregates are never out of step.
 *
 * Each aggregate is a fold (aggregates/groups.ts: Derivation): its scans read the lists of the copy
 * just written back from the database, a page at a time in document order, and it holds only what it
 * needs between entries (counts, small indexes, the first MAX_FIRST entries of each list). So the
 * sync never holds a region's whole lists, whatever their size: one aggregate's state at a time.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { FREQUENCY_SUMMARY } from '../aggregates/frequency-summary';
import { ROLES_CROSSWALK } from '../aggregates/crosswalk';
import { FUNCTIONAL_CROSSWALK } from '../aggregates/functions';
import { REPORTING_CHAINS } from '../aggregates/chains';
import { COMPARISON_MATRIX } from '../aggregates/matrix';
import { DIFFERENCES } from '../aggregates/differences';
import type { Aggregate, CopyLists, Group, Scan } from '../aggregates/groups';
import { deleteGroups, insertGroups } from './aggregate-groups';
import { rows, sql, tableOf } from './sql';

const DEFINED = [FREQUENCY_SUMMARY, ROLES_CROSSWALK, FUNCTIONAL_CROSSWALK, REPORTING_CHAINS, COMPARISON_MATRIX, DIFFERENCES] as const;

export type AggregateName = (typeof DEFINED)[number]['name'];

/** Every precomputed aggregate, each derived from a region's copy. */
export const AGGREGATES: ReadonlyArray<Aggregate<AggregateName>> = DEFINED;

/**
 * The version of each aggregate's derivation, as its definition declares it: the read model's
 * derivation (derivation.ts) is a hash of them, so a comparison whose aggregate code changed derives
 * every region's copy again at start instead of serving groups the old code derived.
 */
export const AGGREGATE_VERSIONS = Object.fromEntries(AGGREGATES.map((a) => [a.name, a.version])) as Record<AggregateName, number>;

/** The same derivations over lists held in memory (a test's expectation of what the sync stores from the same facts). */
export function groupsOfRegion(lists: { [L in keyof CopyLists]: ReadonlyArray<CopyLists[L]> }): Record<AggregateName, Group[]> {
  return Object.fromEntries(
    AGGREGATES.map((a) => {
      const derivation = a.derive();
      for (const { list, each } of derivation.scans) for (const item of lists[list]) (each as (i: unknown) => void)(item);
      return [a.name, derivation.groups()];
    }),
  ) as Record<AggregateName, Group[]>;
}

/** One scan: every entry of its list in the region's copy, in document order, `pageSize` at a time (by the position index). */
async function run(trx: Knex.Transaction, schema: string, code: string, { list, each }: Scan, pageSize: number): Promise<void> {
  const give = each as (item: CopyLists[typeof list]) => void;
  for (let from = 0; ;) {
    const page = await rows<{ position: number; data: CopyLists[typeof list] }>(
      trx,
      list === 'bodies'
        ? sql`select position, data from ${tableOf(schema, 'body')} where region_code = ${code} and position >= ${from} order by position limit ${pageSize}`
        : sql`select position, data from ${tableOf(schema, 'fact')}
              where kind = ${list} and region_code = ${code} and position >= ${from} order by position limit ${pageSize}`,
    );
    for (const r of page) give(r.data);
    if (page.length < pageSize) return;
    from = page.at(-1)!.position + 1;
  }
}

/**
 * Every aggregate's groups of the region's copy (inside the caller's transaction, after the copy is
 * written): one aggregate at a time, its scans run in order (`pageSize` entries per statement: the
 * sync's SYNC_PAGE_SIZE), its groups stored (cut to MAX_FIRST entries) before the next aggregate starts.
 */
export async function writeGroupsOfRegion(trx: Knex.Transaction, schema: string, code: string, pageSize: number): Promise<void> {
  await deleteGroups(trx, schema, code);
  for (const a of AGGREGATES) {
    const derivation = a.derive();
    for (const s of derivation.scans) await run(trx, schema, code, s, pageSize);
    await insertGroups(trx, schema, code, { [a.name]: derivation.groups() });
  }
}
