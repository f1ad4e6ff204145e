/**
 * Question 1: bodies across regions, filtered, sorted and cursor-paginated, as the comparison's own
 * ComparedBody view. Cursors name a body (its id, in the contract's cursor codec), so a page boundary
 * does not shift when a body is added elsewhere in the list.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ARTIFACT_KINDS,
  badUserInput,
  BodyFilter,
  decodeCursor,
  encodeCursor,
  BodyKind,
  Level,
  LevelBasis,
  PageInfo,
  Permanence,
  ReportArtifactKind,
  ROLE_KINDS,
  RoleKind,
  type Body,
} from '@samverkan/contract';
import { bodyPage } from '../read-model/body-query';
import type { ReadModel } from '../read-model/read-model';
import { REGION_ORDER } from './scope';
import { MissingRegion } from '../aggregates/missing-region';
import { DutyHolderSummary, Frequency, frequencyOf, MinutesSummary, OfficeSummary, ParentSummary, quoteOf, SubstituteSummary } from '../aggregates/views';

export enum BodySortField {
  MEETINGS_PER_YEAR = 'MEETINGS_PER_YEAR',
  NAME = 'NAME',
  REGION = 'REGION',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(BodySortField, {
  name: 'BodySortField',
  description:
    'MEETINGS_PER_YEAR: documented minimum, then maximum (bodies with no stated frequency last in both directions); NAME: Swedish collation; REGION: registry order, then document order.',
});
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({
  description:
    'BodyFilter plus conditions only the comparison can answer (they join roles and reporting duties). All given conditions must hold; within a list, any value matches.',
})
export class ComparisonBodyFilter extends BodyFilter {
  @Field(() => [RoleKind], {
    nullable: true,
    description:
      'The body has a role of one of these kinds: a role serving it (servesBodyIds), or an office its own data states (chair → CHAIR, viceChair → VICE_CHAIR, convener → CONVENER, minutes keeper → SECRETARY).',
  })
  roleKinds?: Array<keyof typeof RoleKind> | null;

  @Field(() => [ReportArtifactKind], { nullable: true, description: 'The body produces one of these artifacts (a reporting duty with fromBodyId = the body).' })
  reportArtifacts?: Array<keyof typeof ReportArtifactKind> | null;
}

@InputType({ description: 'Order of the bodies; ties keep registry order, then document order.' })
export class BodySort {
  @Field(() => BodySortField) field!: BodySortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A body as compared across regions: normalized kind, level and frequency beside the verbatim facts and their quotes.',
})
export class ComparedBody {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => LevelBasis) levelBasis!: keyof typeof LevelBasis;
  @Field(() => Permanence) permanence!: keyof typeof Permanence;
  @Field(() => ParentSummary, { nullable: true }) parent!: ParentSummary | null;
  @Field(() => Frequency, { nullable: true, description: 'Regular meetings; null when the document gives no frequency.' }) frequency!: Frequency | null;
  @Field(() => [Frequency], { description: 'Joint meetings, conferences, extra meetings when needed.' }) otherMeetings!: Frequency[];
  @Field(() => OfficeSummary, { nullable: true }) chair!: OfficeSummary | null;
  @Field(() => OfficeSummary, { nullable: true }) viceChair!: OfficeSummary | null;
  @Field(() => DutyHolderSummary, { nullable: true }) convener!: DutyHolderSummary | null;
  @Field(() => DutyHolderSummary, { nullable: true }) agendaBy!: DutyHolderSummary | null;
  @Field(() => MinutesSummary, { nullable: true }) minutes!: MinutesSummary | null;
  @Field(() => SubstituteSummary) substituteRule!: SubstituteSummary;
  @Field(() => [RoleKind], { description: 'Canonical role kinds present at the body (see ComparisonBodyFilter.roleKinds).' }) roleKinds!: Array<
    keyof typeof RoleKind
  >;
  @Field(() => [ReportArtifactKind], { description: 'Artifacts the body produces, from its reporting duties.' }) reportArtifacts!: Array<
    keyof typeof ReportArtifactKind
  >;
  @Field(() => String, { description: 'The source document the body is described in.' }) document!: string;
}

@ObjectType({ simpleResolvers: true })
export class BodyEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ComparedBody) node!: ComparedBody;
}

/** One PageInfo across the API (shared with the regions' change history). */
export { PageInfo };

@ObjectType({ simpleResolvers: true, description: 'A page of compared bodies.' })
export class BodyConnection {
  @Field(() => [BodyEdge]) edges!: BodyEdge[];
  @Field(() => [ComparedBody]) nodes!: ComparedBody[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Bodies matching the filter, across all pages.' }) totalCount!: number;
  @Field(() => [ID], { description: 'Regions in scope whose data did not arrive complete: their bodies are absent.' }) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

/** A page of the comparison's bodies connection (`landscape.bodies`): default and largest `first`. */
export const DEFAULT_BODIES_PAGE = 50;
export const MAX_BODIES_PAGE = 200;

/** A bodies cursor holds the id of the page's last body. */
const BODY_CURSOR = 'body';
const isBodyId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The view of one body: its facts as served, with its parent's name and the derived role kinds and artifacts. */
export function comparedBody(body: Body, parentName: string | null, roleKinds: readonly string[], reportArtifacts: readonly string[]): ComparedBody {
  const office = (o: Body['chair']): OfficeSummary | null =>
    o
      ? {
          holder: o.holder ?? null,
          selection: o.selection ?? null,
          term: o.term ?? null,
          rotation: o.rotation ?? null,
          note: o.note ?? null,
          quote: quoteOf(o.source),
        }
      : null;
  const holder = (h: Body['convener']): DutyHolderSummary | null => (h ? { who: h.who, note: h.note ?? null, quote: quoteOf(h.source) } : null);
  return {
    id: body.id,
    regionCode: body.regionCode,
    name: body.name,
    kind: body.kind,
    level: body.level,
    levelBasis: body.levelBasis,
    permanence: body.permanence,
    parent: body.parent
      ? {
          bodyId: body.parent.bodyId,
          bodyName: parentName,
          relation: body.parent.relation,
          basis: body.parent.basis ?? 'STATED',
          basisNote: body.parent.basisNote ?? null,
          quote: quoteOf(body.parent.source),
        }
      : null,
    frequency: frequencyOf(body.cadence),
    otherMeetings: (body.otherMeetings ?? []).map((c) => frequencyOf(c)!),
    chair: office(body.chair),
    viceChair: office(body.viceChair),
    convener: holder(body.convener),
    agendaBy: holder(body.agendaBy),
    minutes: body.minutes
      ? { kept: body.minutes.kept, keeper: body.minutes.keeper ?? null, note: body.minutes.note ?? null, quote: quoteOf(body.minutes.source) }
      : null,
    substituteRule: {
      rule: body.substitutes.rule,
      note: body.substitutes.note ?? null,
      quote: body.substitutes.source ? quoteOf(body.substitutes.source) : null,
    },
    roleKinds: ROLE_KINDS.filter((k) => roleKinds.includes(k)),
    reportArtifacts: ARTIFACT_KINDS.filter((a) => reportArtifacts.includes(a)),
    document: body.document,
  };
}

export interface BodyPageArgs {
  filter?: ComparisonBodyFilter | null;
  sort?: BodySort | null;
  first?: number | null;
  after?: string | null;
}

/**
 * A page of bodies, filtered, sorted, counted and paged in PostgreSQL (read-model/body-query.ts):
 * the page is read from the cursor on along an index (keyset), so its cost grows with its size;
 * totalCount counts the matching bodies.
 */
export async function bodyConnection(readModel: ReadModel, codes: string[], missing: MissingRegion[], args: BodyPageArgs): Promise<BodyConnection> {
  const first = args.first ?? DEFAULT_BODIES_PAGE;
  if (first < 0 || first > MAX_BODIES_PAGE) {
    throw badUserInput(`first must be between 0 and ${MAX_BODIES_PAGE}`);
  }
  const afterId = decodeCursor(BODY_CURSOR, args.after, isBodyId);
  const page = await bodyPage(readModel.knex, readModel.schema, codes, REGION_ORDER, {
    filter: args.filter,
    sort: args.sort?.field ?? BodySortField.REGION,
    desc: args.sort?.direction === SortDirection.DESC,
    first,
    afterId,
  });
  if (!page.cursorFound) throw badUserInput("The cursor's body is not in this result (filter or sort changed?)");
  const nodes = page.rows.map((r) => comparedBody(r.body, r.parentName, r.roleKinds, r.reportArtifacts));
  const edges = nodes.map((node) => ({ cursor: encodeCursor(BODY_CURSOR, node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
    missingRegions: missing.map((m) => m.code),
    missing,
  };
}
