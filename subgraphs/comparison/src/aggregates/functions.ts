/**
 * Roles compared by what they do (issue #12): for each collaboration function, who does it in each
 * region, with the quotes. The evidence is what the data states, read through canonical fields only:
 * a role's duty category, a body's assignment category (a group's duty), a body's convener and
 * minutes keeper, and reporting duties from a role or body. Titles are not compared here (that is
 * rolesCrosswalk); a role whose data states no duties is listed in rolesWithoutDuties, not matched.
 * The GraphQL types of the answer: function-types.ts.
 */
import type { Body, DutyCategory, Role, Source } from '@samverkan/contract';
import type { AnsweredRegion } from '../domain/region';
import type { MissingRegion } from './missing-region';
import { defineAggregate, KeyedGroup, SingleGroup, type GroupsByRegion, type NoData, type StoredGroups } from './groups';
import {
  ClosestCount,
  CollaborationFunction,
  EvidenceBasis,
  FunctionalCrosswalk,
  FunctionEvidence,
  FunctionPerformer,
  MIN_SHARED,
  PerformerType,
  RoleFunctions,
  RoleMatch,
  RoleRef,
} from './function-types';
import { quoteOf } from './views';

// The types are in function-types.ts; importers keep taking them from here.
export * from './function-types';

/** Which duty categories and reporting artifacts read as which function. Reports upward: artifacts that account for work. */
const FUNCTION_BASIS: Record<
  CollaborationFunction,
  { label: string; categories: Array<keyof typeof DutyCategory>; artifacts?: string[]; convener?: boolean; minutes?: boolean }
> = {
  CONVENES_BODY: { label: 'Convenes a body', categories: ['CONVENING'], convener: true },
  KEEPS_MINUTES: { label: 'Keeps the minutes', categories: ['MINUTES'], minutes: true },
  PREPARES_MATTERS: { label: 'Prepares matters for decision', categories: ['DECISION_PREPARATION'] },
  COORDINATES_PLANNING: { label: 'Plans and coordinates the work (secretariat)', categories: ['PLANNING_COORDINATION'] },
  OWNS_ACTION_PLAN: { label: 'Owns an action plan (drafts, revises, carries it out)', categories: ['ACTION_PLAN'] },
  FOLLOWS_UP: { label: 'Follows up and evaluates', categories: ['FOLLOW_UP_EVALUATION'] },
  REPORTS_UPWARD: {
    label: 'Reports upward',
    categories: ['REPORTING'],
    artifacts: ['HALF_YEAR_REPORT', 'ANNUAL_REPORT', 'WRITTEN_REPORT', 'FEEDBACK', 'FOLLOW_UP'],
  },
  LEADS_GROUP_WORK: { label: "Leads a group's (thematic, area) development work", categories: ['LEADING_DEVELOPMENT'] },
  PEER_NETWORK: { label: 'Takes part in a peer network', categories: ['NETWORKING'] },
  SUPPORTS: { label: 'Supports municipalities, groups or parties', categories: ['SUPPORT'] },
};

type Found = { fn: CollaborationFunction; performer: Omit<FunctionPerformer, 'evidence'>; evidence: FunctionEvidence };

const ev = (basis: EvidenceBasis, text: string, bodyId: string | null, source: Source): FunctionEvidence => ({ basis, text, bodyId, quote: quoteOf(source) });
const asRole = (r: Role): Omit<FunctionPerformer, 'evidence'> => ({ type: PerformerType.ROLE, roleId: r.id, roleKind: r.kind, bodyId: null, title: r.title });
const asBody = (b: Body): Omit<FunctionPerformer, 'evidence'> => ({ type: PerformerType.BODY, roleId: null, roleKind: null, bodyId: b.id, title: b.name });

/** The role a body names as holder ("Processledaren för SAMLA"): the one role serving the body whose title's first word starts the text. */
function holderRole(who: string, serving: Role[]): Role | undefined {
  const text = who.toLocaleLowerCase('sv');
  const hits = serving.filter((r) => text.startsWith(r.title.toLocaleLowerCase('sv').split(/[\s,]/)[0]!));
  return hits.length === 1 ? hits[0] : undefined;
}

function findings(region: RegionFacts): Found[] {
  const out: Found[] = [];
  const servingBody = new Map<string, Role[]>();
  for (const r of region.roles) for (const id of new Set(r.servesBodyIds)) (servingBody.get(id) ?? servingBody.set(id, []).get(id)!).push(r);
  const byCategory = (category: string) =>
    (Object.keys(FUNCTION_BASIS) as CollaborationFunction[]).filter((fn) => FUNCTION_BASIS[fn].categories.includes(category as never));
  for (const role of region.roles) {
    for (const d of role.duties)
      for (const fn of byCategory(d.category)) out.push({ fn, performer: asRole(role), evidence: ev(EvidenceBasis.ROLE_DUTY, d.text, null, d.source) });
  }
  for (const body of region.bodies) {
    for (const a of body.assignments) {
      if (a.category)
        for (const fn of byCategory(a.category))
          out.push({ fn, performer: asBody(body), evidence: ev(EvidenceBasis.BODY_ASSIGNMENT, a.text, body.id, a.source) });
    }
    const holders: Array<[CollaborationFunction, EvidenceBasis, string | null | undefined, Source | undefined]> = [
      [CollaborationFunction.CONVENES_BODY, EvidenceBasis.BODY_CONVENER, body.convener?.who, body.convener?.source],
      [CollaborationFunction.KEEPS_MINUTES, EvidenceBasis.BODY_MINUTES_KEEPER, body.minutes?.keeper, body.minutes?.source],
    ];
    for (const [fn, basis, who, source] of holders) {
      if (!who || !source) continue;
      const role = holderRole(who, servingBody.get(body.id) ?? []);
      const performer = role ? asRole(role) : { type: PerformerType.NAMED_HOLDER, roleId: null, roleKind: null, bodyId: body.id, title: who };
      out.push({ fn, performer, evidence: ev(basis, `${who} (${body.name})`, body.id, source) });
    }
  }
  const roles = new Map(region.roles.map((r) => [r.id, r]));
  const bodies = new Map(region.bodies.map((b) => [b.id, b]));
  for (const d of region.reportingDuties) {
    if (!FUNCTION_BASIS.REPORTS_UPWARD.artifacts!.includes(d.artifact)) continue;
    const role = d.fromRoleId ? roles.get(d.fromRoleId) : undefined;
    const body = d.fromBodyId ? bodies.get(d.fromBodyId) : undefined;
    const performer = role ? asRole(role) : body ? asBody(body) : null;
    if (performer)
      out.push({
        fn: CollaborationFunction.REPORTS_UPWARD,
        performer,
        evidence: ev(EvidenceBasis.REPORTING_DUTY, `${d.description} (${d.fromText} → ${d.toText})`, d.fromBodyId ?? null, d.source),
      });
  }
  return out;
}

function performersOf(found: Found[]): FunctionPerformer[] {
  const byKey = new Map<string, FunctionPerformer>();
  for (const f of found) {
    const key = `${f.performer.type}|${f.performer.roleId ?? f.performer.bodyId}|${f.performer.title}`;
    const p = byKey.get(key) ?? { ...f.performer, evidence: [] };
    p.evidence.push(f.evidence);
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

const FUNCTIONS = Object.values(CollaborationFunction);
const roleRef = (role: Role): RoleRef => ({ id: role.id, title: role.title, kind: role.kind, quote: quoteOf(role.source) });

type RegionFacts = Pick<AnsweredRegion, 'bodies' | 'roles' | 'reportingDuties'>;
type RoleFunctionsEntry = Omit<RoleFunctions, 'closest' | 'closestCounts'>;
/** A role in a function-set group: position = document order, to merge groups in that order. */
interface SetMember {
  roleId: string;
  title: string;
  position: number;
}

/** A region's performers of one function. */
const PERFORMERS = KeyedGroup.of<CollaborationFunction, NoData, FunctionPerformer>('fn:');
/** A region's roles performing at least one function. */
const ROLES = SingleGroup.of<NoData, RoleFunctionsEntry>('roles');
/** A region's roles with no stated duties. */
const WITHOUT_DUTIES = SingleGroup.of<NoData, RoleRef>('without');
/** A region's roles whose stated duties map to no function. */
const UNMATCHED = SingleGroup.of<NoData, RoleRef>('unmatched');
/** A region's roles by the exact set of functions they perform (key: the functions joined by commas): what closest compares. */
const FUNCTION_SET = KeyedGroup.of<string, { functions: CollaborationFunction[] }, SetMember>('set:');

/** At sync time: one region's groups of each kind above. */
function functionalCrosswalkGroups(region: RegionFacts) {
  const found = findings(region);
  const fnsOf = new Map<string, Set<CollaborationFunction>>(region.roles.map((r) => [r.id, new Set()]));
  for (const f of found) if (f.performer.roleId) fnsOf.get(f.performer.roleId)?.add(f.fn);
  const sets = new Map<string, { functions: CollaborationFunction[]; members: SetMember[] }>();
  const performing: RoleFunctionsEntry[] = [];
  const unmatched: Role[] = [];
  region.roles.forEach((role, position) => {
    const functions = FUNCTIONS.filter((fn) => fnsOf.get(role.id)!.has(fn));
    if (!functions.length) {
      if (role.duties.length) unmatched.push(role);
      return;
    }
    performing.push({ roleId: role.id, title: role.title, kind: role.kind, functions });
    const key = functions.join(',');
    (sets.get(key) ?? sets.set(key, { functions, members: [] }).get(key)!).members.push({ roleId: role.id, title: role.title, position });
  });
  return [
    ...FUNCTIONS.map((fn) => PERFORMERS.write(fn, performersOf(found.filter((f) => f.fn === fn)))),
    ROLES.write(performing),
    WITHOUT_DUTIES.write(region.roles.filter((role) => role.duties.length === 0).map(roleRef)),
    UNMATCHED.write(unmatched.map(roleRef)),
    ...[...sets].map(([key, { functions, members }]) => FUNCTION_SET.write(key, members, { functions })),
  ];
}

export const FUNCTIONAL_CROSSWALK = defineAggregate(
  'functionalCrosswalk',
  2,
  [PERFORMERS, ROLES, WITHOUT_DUTIES, UNMATCHED, FUNCTION_SET],
  functionalCrosswalkGroups,
);

/** Closest roles listed per role and other region when the request does not say (closestCounts counts them all). */
export const DEFAULT_CLOSEST_FIRST = 3;

/**
 * Per other region, the roles sharing most functions with `fns` (Jaccard; ties in document order, the
 * first `first`) and how many they are, read from that region's function-set groups.
 */
function closestIn(code: string, groups: StoredGroups | undefined, fns: Set<string>, first: number): { matches: RoleMatch[]; count: ClosestCount } {
  const scored = FUNCTION_SET.entries(groups)
    .map(([, g]) => {
      const theirs = new Set<string>(g.data.functions);
      const shared = FUNCTIONS.filter((fn) => fns.has(fn) && theirs.has(fn));
      const either = new Set([...fns, ...theirs]).size;
      return { g, shared, score: shared.length / either, explanation: `${shared.length} shared (${shared.join(', ')}) of ${either} functions of either role` };
    })
    .filter((s) => s.shared.length >= MIN_SHARED);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const tied = scored.filter((s) => s.score === best);
  const matches = tied
    .flatMap((s) => s.g.items.map((m) => ({ m, shared: s.shared, explanation: s.explanation })))
    .sort((a, b) => a.m.position - b.m.position)
    .slice(0, first)
    .map(({ m, shared, explanation }) => ({ regionCode: code, roleId: m.roleId, title: m.title, shared, score: best, explanation }));
  return { matches, count: { regionCode: code, count: tied.reduce((n, s) => n + s.g.total, 0), score: best } };
}

/**
 * At request time: the regions' groups, each list cut to `first` (the counts beside give the totals),
 * each role's closest roles cut to `closestFirst` per other region (at most `first`; closestCounts counts them).
 */
export function functionalCrosswalk(
  codes: string[],
  groups: GroupsByRegion,
  missing: MissingRegion[],
  first: number,
  only?: CollaborationFunction[] | null,
  closestFirst = DEFAULT_CLOSEST_FIRST,
): FunctionalCrosswalk {
  // Roles with the same functions have the same closest roles: each (region, set) is scored once.
  const scored = new Map<string, ReturnType<typeof closestIn>>();
  const closest = (other: string, functions: string[]) => {
    const key = `${other}|${functions.join(',')}`;
    return scored.get(key) ?? scored.set(key, closestIn(other, groups.get(other), new Set(functions), Math.min(first, closestFirst))).get(key)!;
  };
  return {
    functions: FUNCTIONS.filter((fn) => !only?.length || only.includes(fn)).map((fn) => ({
      function: fn,
      label: FUNCTION_BASIS[fn].label,
      basis: [
        `duty category ${FUNCTION_BASIS[fn].categories.join(', ')} of roles and of bodies' assignments`,
        ...(FUNCTION_BASIS[fn].convener ? ["a body's convener"] : []),
        ...(FUNCTION_BASIS[fn].minutes ? ["a body's minutes keeper"] : []),
        ...(FUNCTION_BASIS[fn].artifacts ? [`reporting duties from a role or body (${FUNCTION_BASIS[fn].artifacts!.join(', ')})`] : []),
      ].join('; '),
      regions: codes.map((code) => ({
        regionCode: code,
        performers: PERFORMERS.list(groups.get(code), fn).items,
        performerCount: PERFORMERS.list(groups.get(code), fn).total,
      })),
    })),
    regions: codes.map((code) => ({
      regionCode: code,
      roles: ROLES.list(groups.get(code)).items.map((role) => ({
        ...role,
        closest: codes.filter((other) => other !== code).flatMap((other) => closest(other, role.functions).matches),
        closestCounts: codes.filter((other) => other !== code).map((other) => closest(other, role.functions).count),
      })),
      roleCount: ROLES.list(groups.get(code)).total,
      rolesWithoutDuties: WITHOUT_DUTIES.list(groups.get(code)).items,
      rolesWithoutDutiesCount: WITHOUT_DUTIES.list(groups.get(code)).total,
      rolesWithoutFunctions: UNMATCHED.list(groups.get(code)).items,
      rolesWithoutFunctionsCount: UNMATCHED.list(groups.get(code)).total,
    })),
    missingRegions: missing.map((m) => m.code),
    missing,
  };
}
