/**
 * Question 3: the roles crosswalk. Per canonical RoleKind, each region's roles in its own words
 * (title, employer, financing, post holders, bodies served, duties by canonical DutyCategory with
 * the region's wording and quote). Offices a body's data states (chair, vice-chair, convener,
 * minutes keeper) join the role of that kind serving the body; where no such role exists they
 * become a row of their own (origin BODY_OFFICE).
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DUTY_CATEGORIES, DutyCategory, ROLE_KINDS, RoleKind, type Role, type Statement } from '@samverkan/contract';
import { bodyOffices, type BodyOffice } from '../domain/offices';
import { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, KeyedGroup, scan, type Derivation, type GroupsByRegion, type NoData } from './groups';
import { BodyRef, quoteOf, Quote } from './views';

export enum RoleOrigin {
  ROLE = 'ROLE',
  BODY_OFFICE = 'BODY_OFFICE',
}
registerEnumType(RoleOrigin, {
  name: 'RoleOrigin',
  description: 'ROLE: a role the document describes; BODY_OFFICE: an office stated only on a body (chair, vice-chair, convener, minutes keeper).',
});

@ObjectType({ simpleResolvers: true, description: "A statement in the region's words with its quote." })
export class QuotedText {
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'Number of post holders as the text gives it.' })
export class PostHolderCount {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Boolean) perBody!: boolean;
  @Field(() => String) text!: string;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "One duty in the region's wording." })
export class ComparedDuty {
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: "The document's heading for this group of duties." }) group!: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "A role's duties of one canonical category." })
export class DutyGroup {
  @Field(() => DutyCategory) category!: keyof typeof DutyCategory;
  @Field(() => [ComparedDuty]) duties!: ComparedDuty[];
}

@ObjectType({ simpleResolvers: true, description: 'An office stated on a body: who holds it and how chosen.' })
export class BodyOfficeView {
  @Field(() => ID) bodyId!: string;
  @Field(() => String) bodyName!: string;
  @Field(() => String, { nullable: true }) holder!: string | null;
  @Field(() => String, { nullable: true }) selection!: string | null;
  @Field(() => String, { nullable: true }) term!: string | null;
  @Field(() => String, { nullable: true }) rotation!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'A role of one region, in its own words.' })
export class ComparedRole {
  @Field(() => ID, { description: 'The role id, or "<bodyId>#<kind>" for an office stated only on a body.' }) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => RoleOrigin) origin!: RoleOrigin;
  @Field(() => String, {
    nullable: true,
    description: "The region's own title; for a BODY_OFFICE row the holder as the document names it (null when not stated).",
  })
  title!: string | null;
  @Field(() => String, { nullable: true, description: 'Why this canonical kind, where it is a judgement.' }) kindNote!: string | null;
  @Field(() => QuotedText, { nullable: true }) employer!: QuotedText | null;
  @Field(() => QuotedText, { nullable: true }) financing!: QuotedText | null;
  @Field(() => PostHolderCount, { nullable: true }) postHolders!: PostHolderCount | null;
  @Field(() => [BodyRef]) bodies!: BodyRef[];
  @Field(() => [DutyGroup], { description: 'Duties grouped by canonical category, in DutyCategory order.' }) dutiesByCategory!: DutyGroup[];
  @Field(() => [BodyOfficeView], { description: 'Offices stated on the bodies this role holds.' }) offices!: BodyOfficeView[];
  @Field(() => [String]) notes!: string[];
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "One region's roles of one canonical kind (empty: the region names none)." })
export class RegionRoles {
  @Field(() => String) regionCode!: string;
  @Field(() => [ComparedRole], { description: 'The first `first` of them: roles in document order, then offices stated only on a body.' })
  roles!: ComparedRole[];
  @Field(() => Int, { description: "All the region's roles and offices of this kind." }) roleCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One canonical role kind across the regions.' })
export class RoleKindRow {
  @Field(() => RoleKind) kind!: keyof typeof RoleKind;
  @Field(() => [RegionRoles], { description: 'Every answered region, in registry order.' }) regions!: RegionRoles[];
}

@ObjectType({ simpleResolvers: true, description: 'Roles side by side by canonical kind.' })
export class RolesCrosswalk {
  @Field(() => [RoleKindRow], { description: 'Kinds in RoleKind order; only kinds some answered region has, unless asked for.' }) rows!: RoleKindRow[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

const quoted = (s: Statement | null | undefined): QuotedText | null => (s ? { text: s.text, note: s.note ?? null, quote: quoteOf(s.source) } : null);

const officeView = (o: BodyOffice): BodyOfficeView => ({
  bodyId: o.body.id,
  bodyName: o.body.name,
  holder: o.holder,
  selection: o.selection,
  term: o.term,
  rotation: o.rotation,
  note: o.note,
  quote: quoteOf(o.source),
});

/** What the derivation holds of every role: enough to find the owner of an office (ownerOf). */
interface RoleSlot {
  readonly kind: keyof typeof RoleKind;
  readonly firstBodyId: string | undefined;
  /** The role and the offices it holds, for a role among the first its group keeps. */
  readonly kept?: { role: Role; offices: BodyOfficeView[] };
}

/** The role an office belongs to: a role of that kind whose first served body is the body, else the only one serving it. */
function ownerOf(office: BodyOffice, servingBody: RoleSlot[]): RoleSlot | undefined {
  const serving = servingBody.filter((r) => r.kind === office.kind);
  return serving.find((r) => r.firstBodyId === office.body.id) ?? (serving.length === 1 ? serving[0] : undefined);
}

function roleView(role: Role, names: Map<string, string>, offices: BodyOfficeView[]): ComparedRole {
  return {
    id: role.id,
    regionCode: role.regionCode,
    origin: RoleOrigin.ROLE,
    title: role.title,
    kindNote: role.kindNote ?? null,
    employer: quoted(role.employer),
    financing: quoted(role.financing),
    postHolders: role.postHolders
      ? { count: role.postHolders.count, perBody: role.postHolders.perBody, text: role.postHolders.text, quote: quoteOf(role.postHolders.source) }
      : null,
    bodies: role.servesBodyIds.map((id) => ({ id, name: names.get(id) ?? null })),
    dutiesByCategory: DUTY_CATEGORIES.map((category) => ({
      category,
      duties: role.duties.filter((d) => d.category === category).map((d) => ({ text: d.text, group: d.group ?? null, quote: quoteOf(d.source) })),
    })).filter((g) => g.duties.length > 0),
    offices,
    notes: role.notes,
    quote: quoteOf(role.source),
  };
}

function officeRow(o: BodyOffice): ComparedRole {
  return {
    id: `${o.body.id}#${o.kind}`,
    regionCode: o.body.regionCode,
    origin: RoleOrigin.BODY_OFFICE,
    title: o.holder,
    kindNote: null,
    employer: null,
    financing: null,
    postHolders: null,
    bodies: [{ id: o.body.id, name: o.body.name }],
    dutiesByCategory: [],
    offices: [officeView(o)],
    notes: [],
    quote: quoteOf(o.source),
  };
}

/** A region's roles and standalone offices of one kind (stored under the kind's name). */
export const ROLES_OF_KIND = KeyedGroup.of<keyof typeof RoleKind, NoData, ComparedRole>('');

/** An entry of a kind's list before the body names are known: a kept role, or a standalone office's row. */
type Pending = RoleSlot | ComparedRole;

/**
 * At sync time: one region's roles and standalone offices, one group per kind it has: roles in
 * document order, then the offices stated only on a body. Reads the roles (who serves which body),
 * then the bodies (their offices, joined to the role of that kind serving the body, and the names of
 * the bodies the kept roles serve).
 */
function deriveRolesCrosswalk(): Derivation {
  const byKind = new Map<keyof typeof RoleKind, FirstEntries<Pending>>();
  const listOf = (kind: keyof typeof RoleKind) => byKind.get(kind) ?? byKind.set(kind, new FirstEntries<Pending>()).get(kind)!;
  const servingBody = new Map<string, RoleSlot[]>();
  const wanted = new Set<string>();
  const names = new Map<string, string>();
  return {
    scans: [
      scan('roles', (role) => {
        const list = listOf(role.kind);
        const slot: RoleSlot = { kind: role.kind, firstBodyId: role.servesBodyIds[0], ...(list.keeps ? { kept: { role, offices: [] } } : {}) };
        list.add(() => slot);
        for (const id of new Set(role.servesBodyIds)) (servingBody.get(id) ?? servingBody.set(id, []).get(id)!).push(slot);
        if (slot.kept) for (const id of role.servesBodyIds) wanted.add(id);
      }),
      scan('bodies', (body) => {
        if (wanted.has(body.id)) names.set(body.id, body.name);
        for (const office of bodyOffices(body)) {
          const owner = ownerOf(office, servingBody.get(body.id) ?? []);
          if (owner) owner.kept?.offices.push(officeView(office));
          else listOf(office.kind).add(() => officeRow(office));
        }
      }),
    ],
    groups: () =>
      [...byKind].map(([kind, list]) =>
        ROLES_OF_KIND.write(
          kind,
          list.map((e) => ('firstBodyId' in e ? roleView(e.kept!.role, names, e.kept!.offices) : e)),
        ),
      ),
  };
}

export const ROLES_CROSSWALK = defineAggregate('rolesCrosswalk', 1, [ROLES_OF_KIND], deriveRolesCrosswalk);

/** At request time: kinds in RoleKind order, each region's roles of the kind cut to `first` (roleCount counts them all). */
export function rolesCrosswalk(codes: string[], groups: GroupsByRegion, missing: MissingRegion[], kinds?: Array<keyof typeof RoleKind> | null): RolesCrosswalk {
  const rows = ROLE_KINDS.filter((kind) => (kinds?.length ? kinds.includes(kind) : true))
    .map((kind) => ({
      kind,
      regions: codes.map((code) => {
        const g = ROLES_OF_KIND.list(groups.get(code), kind);
        return { regionCode: code, roles: g.items, roleCount: g.total };
      }),
    }))
    .filter((row) => kinds?.length || row.regions.some((r) => r.roleCount > 0));
  return { rows, missingRegions: missing.map((m) => m.code), missing };
}
