/**
 * Roles compared by what they do (issue #12): for each collaboration function, who does it in each
 * region, with the quotes. The evidence is what the data states, read through canonical fields only:
 * a role's duty category, a body's assignment category (a group's duty), a body's convener and
 * minutes keeper, and reporting duties from a role or body. Titles are not compared here (that is
 * rolesCrosswalk); a role whose data states no duties is listed in rolesWithoutDuties, not matched.
 * The GraphQL types of the answer: function-types.ts.
 */
import type { DutyCategory, Role, RoleKind, Source } from '@samverkan/contract';
import type { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, KeyedGroup, scan, SingleGroup, type Derivation, type GroupsByRegion, type NoData, type StoredGroups } from './groups';
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

const FUNCTIONS = Object.values(CollaborationFunction);
const FUNCTIONS_OF_CATEGORY = new Map<string, CollaborationFunction[]>();
for (const fn of FUNCTIONS) for (const c of FUNCTION_BASIS[fn].categories) FUNCTIONS_OF_CATEGORY.set(c, [...(FUNCTIONS_OF_CATEGORY.get(c) ?? []), fn]);

/** What the derivation holds of every role: its kind and title, and the functions found for it (bits, in FUNCTIONS order). */
interface RoleSlot {
  readonly id: string;
  readonly kind: keyof typeof RoleKind;
  readonly title: string;
  functions: number;
}
type Performer = Omit<FunctionPerformer, 'evidence'>;

const ev = (basis: EvidenceBasis, text: string, bodyId: string | null, source: Source) => (): FunctionEvidence => ({
  basis,
  text,
  bodyId,
  quote: quoteOf(source),
});
const asRole = (r: RoleSlot): Performer => ({ type: PerformerType.ROLE, roleId: r.id, roleKind: r.kind, bodyId: null, title: r.title });
const asBody = (id: string, name: string): Performer => ({ type: PerformerType.BODY, roleId: null, roleKind: null, bodyId: id, title: name });
const roleRef = (role: Role): RoleRef => ({ id: role.id, title: role.title, kind: role.kind, quote: quoteOf(role.source) });

/** The role a body names as holder ("Processledaren för SAMLA"): the one role serving the body whose title's first word starts the text. */
function holderRole(who: string, serving: RoleSlot[]): RoleSlot | undefined {
  const text = who.toLocaleLowerCase('sv');
  const hits = serving.filter((r) => text.startsWith(r.title.toLocaleLowerCase('sv').split(/[\s,]/)[0]!));
  return hits.length === 1 ? hits[0] : undefined;
}

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

/** A function's performers, each once (by type, id and title) with all its evidence, in the order they are first found. */
class Performers {
  private readonly seen = new Map<string, FunctionPerformer | null>();
  readonly list = new FirstEntries<FunctionPerformer>();

  add(performer: Performer, evidence: () => FunctionEvidence): void {
    const key = `${performer.type}|${performer.roleId ?? performer.bodyId}|${performer.title}`;
    if (!this.seen.has(key)) {
      let made: FunctionPerformer | null = null;
      this.list.add(() => (made = { ...performer, evidence: [] }));
      this.seen.set(key, made);
    }
    this.seen.get(key)?.evidence.push(evidence());
  }
}

/**
 * At sync time: one region's groups of each kind above. The evidence is found in the order roles'
 * duties, bodies' assignments and holders, reporting duties (a scan of each); a last scan of the
 * roles, whose functions are then known, gives the role lists and the function sets.
 */
function deriveFunctionalCrosswalk(): Derivation {
  const performers = new Map(FUNCTIONS.map((fn) => [fn, new Performers()]));
  const found = (fn: CollaborationFunction, performer: Performer, evidence: () => FunctionEvidence, role?: RoleSlot) => {
    performers.get(fn)!.add(performer, evidence);
    if (role) role.functions |= 1 << FUNCTIONS.indexOf(fn);
  };
  const roles = new Map<string, RoleSlot>();
  const servingBody = new Map<string, RoleSlot[]>();
  const bodyNames = new Map<string, string>();
  const withoutDuties = new FirstEntries<RoleRef>();
  const performing = new FirstEntries<RoleFunctionsEntry>();
  const unmatched = new FirstEntries<RoleRef>();
  const sets = new Map<string, { functions: CollaborationFunction[]; members: FirstEntries<SetMember> }>();
  let position = 0;
  return {
    scans: [
      scan('roles', (role) => {
        const slot = roles.get(role.id) ?? roles.set(role.id, { id: role.id, kind: role.kind, title: role.title, functions: 0 }).get(role.id)!;
        for (const id of new Set(role.servesBodyIds)) (servingBody.get(id) ?? servingBody.set(id, []).get(id)!).push(slot);
        for (const d of role.duties)
          for (const fn of FUNCTIONS_OF_CATEGORY.get(d.category) ?? []) found(fn, asRole(slot), ev(EvidenceBasis.ROLE_DUTY, d.text, null, d.source), slot);
        if (!role.duties.length) withoutDuties.add(() => roleRef(role));
      }),
      scan('bodies', (body) => {
        bodyNames.set(body.id, body.name);
        for (const a of body.assignments)
          if (a.category)
            for (const fn of FUNCTIONS_OF_CATEGORY.get(a.category) ?? [])
              found(fn, asBody(body.id, body.name), ev(EvidenceBasis.BODY_ASSIGNMENT, a.text, body.id, a.source));
        const holders: Array<[CollaborationFunction, EvidenceBasis, string | null | undefined, Source | undefined]> = [
          [CollaborationFunction.CONVENES_BODY, EvidenceBasis.BODY_CONVENER, body.convener?.who, body.convener?.source],
          [CollaborationFunction.KEEPS_MINUTES, EvidenceBasis.BODY_MINUTES_KEEPER, body.minutes?.keeper, body.minutes?.source],
        ];
        for (const [fn, basis, who, source] of holders) {
          if (!who || !source) continue;
          const role = holderRole(who, servingBody.get(body.id) ?? []);
          const performer = role ? asRole(role) : { type: PerformerType.NAMED_HOLDER, roleId: null, roleKind: null, bodyId: body.id, title: who };
          found(fn, performer, ev(basis, `${who} (${body.name})`, body.id, source), role);
        }
      }),
      scan('reportingDuties', (d) => {
        if (!FUNCTION_BASIS.REPORTS_UPWARD.artifacts!.includes(d.artifact)) return;
        const role = d.fromRoleId ? roles.get(d.fromRoleId) : undefined;
        const name = d.fromBodyId ? bodyNames.get(d.fromBodyId) : undefined;
        const performer = role ? asRole(role) : name !== undefined ? asBody(d.fromBodyId!, name) : null;
        const text = `${d.description} (${d.fromText} → ${d.toText})`;
        if (performer) found(CollaborationFunction.REPORTS_UPWARD, performer, ev(EvidenceBasis.REPORTING_DUTY, text, d.fromBodyId ?? null, d.source), role);
      }),
      scan('roles', (role) => {
        const at = position++;
        const bits = roles.get(role.id)!.functions;
        const functions = FUNCTIONS.filter((_, i) => bits & (1 << i));
        if (!functions.length) {
          if (role.duties.length) unmatched.add(() => roleRef(role));
          return;
        }
        performing.add(() => ({ roleId: role.id, title: role.title, kind: role.kind, functions }));
        const key = functions.join(',');
        (sets.get(key) ?? sets.set(key, { functions, members: new FirstEntries<SetMember>() }).get(key)!).members.add(() => ({
          roleId: role.id,
          title: role.title,
          position: at,
        }));
      }),
    ],
    groups: () => [
      ...FUNCTIONS.map((fn) => PERFORMERS.write(fn, performers.get(fn)!.list)),
      ROLES.write(performing),
      WITHOUT_DUTIES.write(withoutDuties),
      UNMATCHED.write(unmatched),
      ...[...sets].map(([key, { functions, members }]) => FUNCTION_SET.write(key, members, { functions })),
    ],
  };
}

export const FUNCTIONAL_CROSSWALK = defineAggregate(
  'functionalCrosswalk',
  2,
  [PERFORMERS, ROLES, WITHOUT_DUTIES, UNMATCHED, FUNCTION_SET],
  deriveFunctionalCrosswalk,
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
