/**
 * The closed lists of values a region's data file uses in its enum fields (levels, kinds of body, role,
 * duty, report, plan and event, ...). The data file schema (./schema.ts) checks the files against
 * them, and the GraphQL enums (../graphql/enums.ts) are registered from them.
 */

export const LEVELS = ['POLITICAL', 'STRATEGIC', 'TACTICAL', 'OPERATIONAL'] as const;
export const LEVEL_BASES = ['STATED', 'INFERRED', 'NOT_STATED'] as const;
export const BODY_KINDS = [
  'POLITICAL_COUNCIL',
  'POLITICAL_CONSULTATION_GROUP',
  'CONFERENCE',
  'MANAGEMENT_GROUP',
  'WORKING_COMMITTEE',
  'PREPARATION_GROUP',
  'SUB_COUNTY_GROUP',
  'LOCAL_GROUP',
  'COORDINATING_GROUP',
  'COLLABORATION_GROUP',
  'STEERING_GROUP',
  'WORKING_GROUP',
  'REFERENCE_GROUP',
  'THEME_GROUP',
  'NETWORK',
  'BOARD',
  'ORGANISATION_UNIT',
  'OTHER',
] as const;
export const PERMANENCE = ['PERMANENT', 'TEMPORARY', 'NOT_STATED'] as const;
export const PARENT_RELATIONS = ['REPORTS_TO', 'SUPPORTS', 'PART_OF', 'APPOINTED_BY', 'STEERED_BY', 'ESTABLISHED_BY'] as const;
export const SUBSTITUTE_RULES = ['REQUIRED', 'FORBIDDEN', 'ALLOWED', 'NOT_STATED'] as const;
export const ROLE_KINDS = [
  'COORDINATOR',
  'DEVELOPMENT_LEAD',
  'PROCESS_LEAD',
  'DIRECTOR',
  'OPERATIONS_MANAGER',
  'CHAIR',
  'VICE_CHAIR',
  'CONVENER',
  'SECRETARY',
  'MEMBER',
  'REPRESENTATIVE',
  'USER_REPRESENTATIVE',
  'METHOD_SUPERVISOR',
  'ADVISOR',
  'OTHER',
] as const;
export const DUTY_CATEGORIES = [
  'CONVENING',
  'MINUTES',
  'ACTION_PLAN',
  'MONITORING',
  'FOLLOW_UP_EVALUATION',
  'REPORTING',
  'INFORMATION_TRAINING',
  'NETWORKING',
  'DECISION_PREPARATION',
  'DECISION_MAKING',
  'PLANNING_COORDINATION',
  'LEADING_DEVELOPMENT',
  'BUDGET_ECONOMY',
  'REPRESENTATION',
  'SUPPORT',
  'OTHER',
] as const;
export const ARTIFACT_KINDS = [
  'MINUTES',
  'DECISION_SUMMARY',
  'HALF_YEAR_REPORT',
  'ANNUAL_REPORT',
  'WRITTEN_REPORT',
  'FEEDBACK',
  'FOLLOW_UP',
  'INFORMATION',
  'PUBLICATION',
  'DECISION_PROPOSAL',
  'OTHER',
] as const;
export const PLAN_KINDS = [
  'ACTION_PLAN',
  'ACTIVITY_PLAN',
  'ANNUAL_PLANNING',
  'ANNUAL_CYCLE',
  'PLANNING_DAY',
  'FOLLOW_UP_PLAN',
  'STEERING_DOCUMENT',
  'STRATEGY',
  'AGREEMENT',
  'BUDGET',
  'OTHER',
] as const;

/** What a dated event is: the documents' own kinds of dates. */
export const EVENT_KINDS = [
  'FOUNDED',
  'SINCE',
  'PERIOD',
  'PLAN_PERIOD',
  'DOCUMENT_DATE',
  'DECISION_DATE',
  'VALID_FROM',
  'REVIEW_DATE',
  'EVALUATION',
  'OTHER',
] as const;
/** How exact a date is: the text says "2013" (YEAR), "augusti 2016" (MONTH) or "2016-08-01" (DAY). */
export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const;
