/**
 * A region as the comparison reads it: its code and its facts (bodies, roles, reporting duties,
 * plans, decision rules), as its subgraph served them. No GraphQL, no SQL.
 */
import type { Body, DecisionRule, Plan, ReportingDuty, Role } from '@samverkan/contract';

export interface AnsweredRegion {
  code: string;
  bodies: Body[];
  roles: Role[];
  reportingDuties: ReportingDuty[];
  plans: Plan[];
  decisionRules: DecisionRule[];
}

/** Enum order of a canonical value, for sorting by the vocabulary's own order. */
export function enumRank(values: readonly string[], value: string | null): number {
  const i = value === null ? -1 : values.indexOf(value);
  return i === -1 ? values.length : i;
}
