/**
 * What changed and when, across the Landscape: every region's change history newest first, and the
 * dated events of the documents as one timeline, both answered from the read model's copies
 * (read-model/changes.ts, history-query.ts) with the regions in scope that are missing or stale.
 */
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver } from 'type-graphql';
import {
  badUserInput,
  DataChange,
  DataChangeEdge,
  DatedEvent,
  DateTimeScalar,
  decodeCursor,
  encodeCursor,
  EventKind,
  PageInfo,
  pageSize,
  parseDateArg,
  parseDateTimeArg,
  SourceDocument,
} from '@samverkan/shared';
import { Landscape } from './landscape';
import { REGION_ORDER, scopeOf } from './scope';
import { MissingRegion } from '../aggregates/missing-region';
import type { ComparisonContext } from '../context';
import { changePage, documentsOfChanges, timelineEvents, type ChangeKey } from '../read-model/history-query';

@ObjectType({ simpleResolvers: true, description: 'The source documents one change is about: where its quotes stand (or the changed document itself).' })
export class ChangeDocuments {
  @Field(() => ID, { description: 'DataChange.id.' }) changeId!: string;
  @Field(() => [SourceDocument], {
    description:
      "In the order of the change's quotes (after, before, then its fields'); passages are null here. Empty when no quote stands in a document the copy holds (a first load, or text no longer in any document).",
  })
  documents!: SourceDocument[];
}

@ObjectType({ simpleResolvers: true, description: "A page of the regions' change histories, newest first across regions." })
export class ChangeConnection {
  @Field(() => [DataChangeEdge]) edges!: DataChangeEdge[];
  @Field(() => [DataChange]) nodes!: DataChange[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Entries matching the filter, across all pages.' }) totalCount!: number;
  @Field(() => [ID], { description: 'Regions in scope the comparison holds no copy of: their history is absent.' }) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
  @Field(() => [ID], {
    description: 'Regions in scope served from a copy that may be out of date (reason in Landscape.freshness): changes since their last sync are absent.',
  })
  staleRegions!: string[];
  @Field(() => [ChangeDocuments], {
    description: 'For each entry of nodes, in the same order: the documents it is about, with their date, validity and version.',
  })
  documents!: ChangeDocuments[];
}

@ObjectType({ simpleResolvers: true, description: 'The dated events of the regions in scope, ordered by date, each with its quote.' })
export class Timeline {
  @Field(() => [DatedEvent], { description: 'By start date (the first day the text can mean), then end, then region, then document order.' })
  events!: DatedEvent[];
  @Field(() => Int) totalCount!: number;
  @Field(() => [ID], { description: 'Regions in scope the comparison holds no copy of.' }) missingRegions!: string[];
  @Field(() => [MissingRegion]) missing!: MissingRegion[];
  @Field(() => [ID], { description: 'Regions in scope served from a copy that may be out of date.' }) staleRegions!: string[];
}

const isKey = (v: unknown): v is ChangeKey => {
  const k = v as ChangeKey;
  return Boolean(k) && typeof k.at === 'string' && !Number.isNaN(Date.parse(k.at)) && typeof k.region === 'string' && Number.isInteger(k.seq);
};

async function scopeWithStale(ctx: ComparisonContext, regions: string[] | undefined) {
  const scope = await scopeOf(ctx.readModel, regions);
  const { codes } = scope;
  const stale = (await ctx.readModel.freshness(codes)).filter((f) => f.stale).map((f) => f.regionCode);
  return { codes, missing: scope.missingDetails, stale };
}

@Resolver(() => Landscape)
export class HistoryResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "What changed in the regions' data, newest first: each region's change history (Region.changes) across regions, cursor-paginated.",
  })
  async changes(
    @Ctx() ctx: ComparisonContext,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: 'Only entries at or after this time.' }) since?: string,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 200.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<ChangeConnection> {
    const sinceAt = parseDateTimeArg('since', since);
    const size = pageSize(first);
    const afterKey = decodeCursor('changes', after, isKey);
    const { codes, missing, stale } = await scopeWithStale(ctx, regions);
    const { rows, totalCount } = await changePage(ctx.readModel.knex, ctx.readModel.schema, codes, { since: sinceAt, first: size, after: afterKey });
    const edges = rows.slice(0, size).map((r) => ({ cursor: encodeCursor('changes', r.key), node: r.change }));
    const held = await ctx.readModel.documents();
    const docs = (code: string) => held.get(code) ?? [];
    const ids = await documentsOfChanges(
      ctx.readModel.knex,
      ctx.readModel.schema,
      edges.map((e) => e.node),
      (code, file) => docs(code).find((d) => d.file === file)?.id,
    );
    const documents = edges.map(({ node }) => ({
      changeId: node.id,
      documents: (ids.get(node.id) ?? []).flatMap((id) => docs(node.regionCode).filter((d) => d.id === id)),
    }));
    return {
      documents,
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
      missingRegions: missing.map((m) => m.code),
      missing,
      staleRegions: stale,
    };
  }

  @FieldResolver(() => Timeline, {
    description:
      'The dated events the documents state (founded, since, periods, plan periods, document and review dates), across regions, ordered by date, with quotes.',
  })
  async timeline(
    @Ctx() ctx: ComparisonContext,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('from', () => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD: events that end on or after its first day.' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD: events that begin on or before its last day.' }) to?: string,
    @Arg('kinds', () => [EventKind], { nullable: true, description: 'Default: every kind.' }) kinds?: Array<keyof typeof EventKind>,
  ): Promise<Timeline> {
    const window = { from: parseDateArg('from', from), to: parseDateArg('to', to), kinds: kinds ?? null };
    if (window.from && window.to && window.from.start > window.to.end) throw badUserInput(`from "${from}" is after to "${to}"`);
    const { codes, missing, stale } = await scopeWithStale(ctx, regions);
    const events = await timelineEvents(ctx.readModel.knex, ctx.readModel.schema, codes, REGION_ORDER, window);
    return { events, totalCount: events.length, missingRegions: missing.map((m) => m.code), missing, staleRegions: stale };
  }
}
