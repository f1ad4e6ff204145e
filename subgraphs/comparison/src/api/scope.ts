/**
 * Which regions an aggregate answers for: the requested ones (default: all registered), split into
 * those the read model holds a copy of and those it has never synced (missingRegions, with the
 * reason). Regions are keyed by code everywhere, never by list position.
 */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { badUserInput, REGIONS, unknownRegionCodesMessage, type Body, type DecisionRule, type Plan, type ReportingDuty, type Role } from '@samverkan/contract';
import type { ReadModel } from '../read-model/read-model';
import { SyncFailureKind } from '../read-model/failure';
import type { RegionList } from '../read-model/store';

export enum MissingReason { NO_ANSWER = 'NO_ANSWER', INCOMPLETE = 'INCOMPLETE' }
registerEnumType(MissingReason, {
  name: 'MissingReason',
  description: 'Why the comparison has no copy of a region: NO_ANSWER, its subgraph has not answered since the comparison started; INCOMPLETE, it answered, but with errors or null lists (a failing database), so nothing was copied rather than an empty region. A region with a copy is never missing: when it stops answering it is served from its copy and marked stale (Landscape.freshness).',
});

@ObjectType({ simpleResolvers: true, description: 'A region an aggregate does not answer for, and why.' })
export class MissingRegion {
  @Field(() => ID) code!: string;
  @Field(() => MissingReason) reason!: MissingReason;
  @Field(() => [String], { description: 'For INCOMPLETE: the region\'s lists that came back null (bodies, roles ...), when that was the failure.' }) failedFields!: string[];
  @Field(() => String, { description: 'The reason in words.' }) message!: string;
}

export interface AnsweredRegion {
  code: string;
  bodies: Body[];
  roles: Role[];
  reportingDuties: ReportingDuty[];
  plans: Plan[];
  decisionRules: DecisionRule[];
}

export interface Scope {
  answered: AnsweredRegion[];
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
 * or stale) is answered with the lists the aggregate reads; a region never synced is missing, with
 * the reason the sync gave. Never an empty region that is not empty.
 */
export async function scopeOf(readModel: ReadModel, lists: RegionList[], codes?: readonly string[] | null): Promise<Scope> {
  checkRegionCodes(codes);
  const read = await readModel.regions(codes ?? undefined, lists);
  const missingDetails = read.freshness.filter((f) => f.dataVersion === null).map((f): MissingRegion => {
    const cause = f.failure?.detail ?? 'not reached yet';
    return {
      code: f.regionCode,
      reason: !f.failure || f.failure.kind === SyncFailureKind.NO_ANSWER ? MissingReason.NO_ANSWER : MissingReason.INCOMPLETE,
      failedFields: f.failure?.failedFields ?? [],
      message: `The comparison has no copy of ${f.regionCode} yet: its subgraph ${cause}.`,
    };
  });
  return {
    answered: read.answered.map(({ code, data }) => ({
      code,
      bodies: data.bodies ?? [],
      roles: data.roles ?? [],
      reportingDuties: data.reportingDuties ?? [],
      plans: data.plans ?? [],
      decisionRules: data.decisionRules ?? [],
    })),
    missing: missingDetails.map((m) => m.code),
    missingDetails,
  };
}

/** Lookup of bodies by id across the answered regions. */
export function bodyIndex(regions: AnsweredRegion[]): Map<string, Body> {
  return new Map(regions.flatMap((r) => r.bodies.map((b) => [b.id, b] as const)));
}

/** Enum order of a canonical value, for sorting by the vocabulary's own order. */
export function enumRank(values: readonly string[], value: string | null): number {
  const i = value === null ? -1 : values.indexOf(value);
  return i === -1 ? values.length : i;
}
