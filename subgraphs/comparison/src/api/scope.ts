/**
 * Which regions an aggregate answers for: the requested ones (default: all registered), split into
 * those the read model holds a copy of and those it has never synced (missingRegions, with the
 * reason). Regions are keyed by code everywhere, never by list position.
 */
import { badUserInput, REGIONS, unknownRegionCodesMessage } from '@samverkan/contract';
import { MissingReason, type MissingRegion } from '../aggregates/missing-region';
import type { ReadModel } from '../read-model/read-model';
import { SyncFailureKind } from '../read-model/failure';

export interface Scope {
  /** Requested regions the read model holds a copy of (fresh or stale), in registry order. */
  codes: string[];
  /** Requested regions whose data did not arrive complete, in registry order. */
  missing: string[];
  missingDetails: MissingRegion[];
}

export const REGION_ORDER = REGIONS.map((r) => r.code);

/** Rejects unknown region codes: a typo should not read as "region has nothing". */
export function checkRegionCodes(codes: readonly string[] | null | undefined): void {
  const unknown = (codes ?? []).filter((c) => !REGION_ORDER.includes(c));
  if (unknown.length) {
    throw badUserInput(unknownRegionCodesMessage(unknown));
  }
}

/**
 * The regions an aggregate answers for, from the read model: each region in scope with a copy (fresh
 * or stale) is answered; a region never synced is missing, with the reason the sync gave. Never an
 * empty region that is not empty.
 */
export async function scopeOf(readModel: ReadModel, codes?: readonly string[] | null): Promise<Scope> {
  checkRegionCodes(codes);
  const read = await readModel.regions(codes ?? undefined);
  const missingDetails = read.freshness
    .filter((f) => f.dataVersion === null)
    .map((f): MissingRegion => {
      const cause = f.failure?.detail ?? 'not reached yet';
      return {
        code: f.regionCode,
        reason: !f.failure || f.failure.kind === SyncFailureKind.NO_ANSWER ? MissingReason.NO_ANSWER : MissingReason.INCOMPLETE,
        failedFields: f.failure?.failedFields ?? [],
        message: `The comparison has no copy of ${f.regionCode} yet: its subgraph ${cause}.`,
      };
    });
  return { codes: read.answered, missing: missingDetails.map((m) => m.code), missingDetails };
}
