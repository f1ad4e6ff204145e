/**
 * Which regions an aggregate answers for: the requested ones (default: all registered), split into
 * those whose data arrived and those whose subgraph did not answer (missingRegions).
 */
import { GraphQLError } from 'graphql';
import { REGIONS, type Body, type DecisionRule, type Plan, type ReportingDuty, type Role } from '@samverkan/shared';
import type { RequiredRegion } from './landscape';

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
  /** Requested regions whose subgraph did not answer, in registry order. */
  missing: string[];
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

export function scopeOf(required: Array<{ code: string; data: RequiredRegion }>, codes?: readonly string[] | null): Scope {
  checkRegionCodes(codes);
  const wanted = codes?.length ? required.filter((r) => codes.includes(r.code)) : required;
  return {
    answered: wanted.filter((r) => r.data !== null).map(({ code, data }) => ({
      code,
      bodies: data!.bodies ?? [],
      roles: data!.roles ?? [],
      reportingDuties: data!.reportingDuties ?? [],
      plans: data!.plans ?? [],
      decisionRules: data!.decisionRules ?? [],
    })),
    missing: wanted.filter((r) => r.data === null).map((r) => r.code),
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
