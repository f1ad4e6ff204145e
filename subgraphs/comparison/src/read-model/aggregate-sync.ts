/**
 * What sync precomputes for the aggregates (aggregate-tables.ts): per aggregate, the function from
 * one region's facts to its groups. writeSnapshot stores them with the region's copy, in the same
 * transaction, so a copy and its aggregates are never out of step.
 */
import { frequencySummaryGroups } from '../aggregates/frequency-summary';
import { rolesCrosswalkGroups } from '../aggregates/crosswalk';
import { functionalCrosswalkGroups } from '../aggregates/functions';
import { reportingChainsGroups } from '../aggregates/chains';
import { comparisonMatrixGroups } from '../aggregates/matrix';
import { differencesGroups } from '../aggregates/differences';
import type { Knex } from '@mikro-orm/postgresql';
import { deleteGroups, insertGroups, type Group } from './aggregate-groups';
import type { RegionSnapshot } from './store';

export const AGGREGATE_GROUPS = {
  frequencySummary: frequencySummaryGroups,
  rolesCrosswalk: rolesCrosswalkGroups,
  functionalCrosswalk: functionalCrosswalkGroups,
  reportingChains: reportingChainsGroups,
  comparisonMatrix: comparisonMatrixGroups,
  differences: differencesGroups,
} satisfies Record<string, (region: RegionSnapshot) => Group[]>;

export type AggregateName = keyof typeof AGGREGATE_GROUPS;

/**
 * The version of each aggregate's derivation (its groups function and what that calls). Bump the
 * aggregate's number whenever a change of code changes the groups it derives from the same facts: the
 * read model's derivation (derivation.ts) changes with it, and a comparison with the new code derives
 * every region's copy again at start instead of serving groups the old code derived.
 */
export const AGGREGATE_VERSIONS = {
  frequencySummary: 1,
  rolesCrosswalk: 1,
  functionalCrosswalk: 2,
  reportingChains: 2,
  comparisonMatrix: 2,
  differences: 2,
} satisfies Record<AggregateName, number>;

export function groupsOfRegion(snapshot: RegionSnapshot): Record<AggregateName, Group[]> {
  return Object.fromEntries(Object.entries(AGGREGATE_GROUPS).map(([name, of]) => [name, of(snapshot)])) as Record<AggregateName, Group[]>;
}

/**
 * groupsOfRegion, written one aggregate at a time (inside the caller's transaction): each aggregate's
 * groups are stored (cut to MAX_FIRST entries) before the next is computed, so one aggregate's whole
 * lists are in memory at a time, not every aggregate's (the paged sync's peak at 50,000 bodies).
 */
export async function writeGroupsOfRegion(trx: Knex.Transaction, schema: string, snapshot: RegionSnapshot): Promise<void> {
  await deleteGroups(trx, schema, snapshot.code);
  for (const [name, of] of Object.entries(AGGREGATE_GROUPS)) {
    await insertGroups(trx, schema, snapshot.code, { [name]: (of as (region: RegionSnapshot) => Group[])(snapshot) });
  }
}
