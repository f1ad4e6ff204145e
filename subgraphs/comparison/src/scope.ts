/**
 * Which regions an aggregate answers for: the requested ones (default: all registered), split into
 * those whose data arrived complete and those whose data did not (missingRegions, with the reason).
 * An entry is matched to its registry region by the name the region's own subgraph served (the only
 * identity the @requires data can carry, selections.ts), never by list position. A region whose
 * entry is absent, or whose required list is null (a field that failed in the region's subgraph,
 * e.g. its database), is missing: never an empty region.
 */
import { GraphQLError } from 'graphql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { REGIONS, type Body, type DecisionRule, type Plan, type ReportingDuty, type Role } from '@samverkan/shared';
import type { RequiredRegion } from './landscape';
import type { Requirement } from './selections';

export enum MissingReason { NO_ANSWER = 'NO_ANSWER', INCOMPLETE = 'INCOMPLETE' }
registerEnumType(MissingReason, {
  name: 'MissingReason',
  description: 'NO_ANSWER: no data arrived for the region (its subgraph did not answer); INCOMPLETE: it answered, but some of its lists failed (null with an error), so it is left out rather than shown with less than it has.',
});

@ObjectType({ simpleResolvers: true, description: 'A region an aggregate does not answer for, and why.' })
export class MissingRegion {
  @Field(() => ID) code!: string;
  @Field(() => MissingReason) reason!: MissingReason;
  @Field(() => [String], { description: 'For INCOMPLETE: the region\'s lists that failed (bodies, roles ...). The gateway\'s errors give the cause.' }) failedFields!: string[];
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
    throw new GraphQLError(`Unknown region code(s): ${unknown.join(', ')}. Known: ${REGION_ORDER.join(', ')}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/** The required data of each registry region, matched by the name its own subgraph served. */
function byRegion(entries: ReadonlyArray<RequiredRegion | unknown> | null | undefined): Map<string, NonNullable<RequiredRegion>> {
  const out = new Map<string, NonNullable<RequiredRegion>>();
  for (const entry of entries ?? []) {
    const data = entry as RequiredRegion;
    const region = data?.name ? REGIONS.find((r) => r.name === data.name) : undefined;
    if (region && !out.has(region.code)) out.set(region.code, data!);
  }
  return out;
}

export function scopeOf(entries: ReadonlyArray<RequiredRegion | unknown> | null | undefined, requirement: Requirement, codes?: readonly string[] | null): Scope {
  checkRegionCodes(codes);
  const data = byRegion(entries);
  const answered: AnsweredRegion[] = [];
  const missingDetails: MissingRegion[] = [];
  for (const { code } of REGIONS) {
    if (codes?.length && !codes.includes(code)) continue;
    const d = data.get(code);
    if (!d) {
      missingDetails.push({ code, reason: MissingReason.NO_ANSWER, failedFields: [], message: `No data arrived for ${code}: its subgraph did not answer.` });
      continue;
    }
    const failed = requirement.lists.filter((list) => !Array.isArray(d[list]));
    if (failed.length) {
      missingDetails.push({ code, reason: MissingReason.INCOMPLETE, failedFields: failed, message: `${code} answered with errors: ${failed.join(', ')} failed, so it is left out rather than counted as empty.` });
      continue;
    }
    answered.push({
      code,
      bodies: d.bodies ?? [],
      roles: d.roles ?? [],
      reportingDuties: d.reportingDuties ?? [],
      plans: d.plans ?? [],
      decisionRules: d.decisionRules ?? [],
    });
  }
  return { answered, missing: missingDetails.map((m) => m.code), missingDetails };
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
