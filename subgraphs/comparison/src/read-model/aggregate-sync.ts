/**
 * What sync precomputes for the aggregates (aggregate-tables.ts): every aggregate's definition
 * (aggregates/: its kinds of group, how one region's facts become them, its version). The copy's
 * writer (write-copy.ts) stores them with the region's copy, in the same transaction, so a copy and its aggregates are
 * never out of step.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { FREQUENCY_SUMMARY } from '../aggregates/frequency-summary';
import { ROLES_CROSSWALK } from '../aggregates/crosswalk';
import { FUNCTIONAL_CROSSWALK } from '../aggregates/functions';
import { REPORTING_CHAINS } from '../aggregates/chains';
import { COMPARISON_MATRIX } from '../aggregates/matrix';
import { DIFFERENCES } from '../aggregates/differences';
import type { Aggregate, Group } from '../aggregates/groups';
import { deleteGroups, insertGroups } from './aggregate-groups';
import type { RegionSnapshot } from './store';

const DEFINED = [FREQUENCY_SUMMARY, ROLES_CROSSWALK, FUNCTIONAL_CROSSWALK, REPORTING_CHAINS, COMPARISON_MATRIX, DIFFERENCES] as const;

export type AggregateName = (typeof DEFINED)[number]['name'];

/** Every precomputed aggregate, each derived from a region's copy. */
export const AGGREGATES: ReadonlyArray<Aggregate<AggregateName, RegionSnapshot>> = DEFINED;

/**
 * The version of each aggregate's derivation, as its definition declares it: the read model's
 * derivation (derivation.ts) is a hash of them, so a comparison whose aggregate code changed derives
 * every region's copy again at start instead of serving groups the old code derived.
 */
export const AGGREGATE_VERSIONS = Object.fromEntries(AGGREGATES.map((a) => [a.name, a.version])) as Record<AggregateName, number>;

export function groupsOfRegion(snapshot: RegionSnapshot): Record<AggregateName, Group[]> {
  return Object.fromEntries(AGGREGATES.map((a) => [a.name, a.groups(snapshot)])) as Record<AggregateName, Group[]>;
}

/**
 * groupsOfRegion, written one aggregate at a time (inside the caller's transaction): each aggregate's
 * groups are stored (cut to MAX_FIRST entries) before the next is computed, so one aggregate's whole
 * lists are in memory at a time, not every aggregate's (the paged sync's peak at 50,000 bodies).
 */
export async function writeGroupsOfRegion(trx: Knex.Transaction, schema: string, snapshot: RegionSnapshot): Promise<void> {
  await deleteGroups(trx, schema, snapshot.code);
  for (const a of AGGREGATES) {
    await insertGroups(trx, schema, snapshot.code, { [a.name]: a.groups(snapshot) });
  }
}
