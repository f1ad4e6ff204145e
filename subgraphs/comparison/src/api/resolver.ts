/**
 * The region registry and the Landscape aggregates: thin resolvers that read what each aggregate
 * needs from the read model (a fixed number of bounded SQL statements: its precomputed groups, or a
 * query on the body and fact tables) and hand it to the aggregate's file.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { ARTIFACT_KINDS, badUserInput, BodyFilter, LANDSCAPE_ID, REGIONS, RoleKind } from '@samverkan/contract';
import { REGION_STUBS } from '../generated/region-stubs';
import { FrequencyRow, Landscape, RegionRef } from './landscape';
import { frequencyTable } from './frequency-table';
import { frequencyBodies } from '../read-model/body-query';
import { dutyRows } from '../read-model/duty-query';
import { firstOf, readGroups } from '../read-model/aggregate-groups';
import { DEFAULT_FIRST, MAX_FIRST } from '../read-model/constants';
import type { AggregateName } from '../read-model/aggregate-sync';
import { checkRegionCodes, REGION_ORDER, scopeOf } from './scope';
import { MissingRegion } from '../aggregates/missing-region';
import type { ComparisonContext } from '../context';
import { selectsAny } from './selection';
import { BodyConnection, bodyConnection, BodySort, ComparisonBodyFilter } from './bodies';
import { FrequencySummary, frequencySummary } from '../aggregates/frequency-summary';
import { ROLES_OF_KIND, RolesCrosswalk, rolesCrosswalk } from '../aggregates/crosswalk';
import { CollaborationFunction, DEFAULT_CLOSEST_FIRST, FunctionalCrosswalk, functionalCrosswalk } from '../aggregates/functions';
import { ReportingDutiesComparison, ReportingDutyFilter, reportingDuties } from './reporting';
import { ReportingChains, reportingChains } from '../aggregates/chains';
import { ComparisonMatrix, comparisonMatrix } from '../aggregates/matrix';
import { Differences, differences } from '../aggregates/differences';

export function regionStub(code: string): RegionRef {
  const Stub = REGION_STUBS[code as keyof typeof REGION_STUBS];
  return Object.assign(new Stub(), { code }) as unknown as RegionRef;
}

export { LANDSCAPE_ID };

const FIRST_DESCRIPTION = `At most this many entries in each list of the answer (per region, per kind ...), default ${DEFAULT_FIRST}, at most ${MAX_FIRST}; the count beside each list gives them all.`;

@Resolver(() => Landscape)
export class LandscapeResolver {
  @Query(() => [RegionRef], { nullable: 'items', description: 'The region registry: every region, each resolved by its own subgraph.' })
  regions(): RegionRef[] {
    return REGIONS.map((r) => regionStub(r.code));
  }

  @Query(() => RegionRef, { nullable: true, description: 'One region by code; an unknown code is an error that names the known ones.' })
  region(@Arg('code', () => ID) code: string): RegionRef | null {
    checkRegionCodes([code]);
    return regionStub(code);
  }

  @Query(() => Landscape, { description: 'All regions side by side: the entry point of every comparison.' })
  landscape(): Landscape {
    return { id: LANDSCAPE_ID, regions: this.regions() };
  }

  @FieldResolver(() => [ID], {
    description:
      'Codes of the regions served from a copy that may be out of date: their subgraph did not answer, or answered with errors, at the last check (reason in freshness).',
  })
  async staleRegions(@Ctx() ctx: ComparisonContext): Promise<string[]> {
    return (await ctx.readModel.freshness()).filter((f) => f.stale && f.dataVersion !== null).map((f) => f.regionCode);
  }

  @FieldResolver(() => [ID], {
    description:
      'Codes of the regions the comparison holds no copy of (never synced: the subgraph has not answered, or answered only with errors); every aggregate answers for the rest. A region that stops answering after a sync is not missing but stale (freshness).',
  })
  async missingRegions(@Ctx() ctx: ComparisonContext): Promise<string[]> {
    return (await scopeOf(ctx.readModel)).missing;
  }

  @FieldResolver(() => [MissingRegion], { description: 'The regions of missingRegions, each with its reason.' })
  async missing(@Ctx() ctx: ComparisonContext): Promise<MissingRegion[]> {
    return (await scopeOf(ctx.readModel)).missingDetails;
  }

  @FieldResolver(() => [FrequencyRow], { description: 'Bodies with a documented regular meeting frequency, ranked across regions (most frequent first).' })
  async meetingFrequencyTable(
    @Ctx() ctx: ComparisonContext,
    @Arg('filter', () => BodyFilter, { nullable: true }) filter?: BodyFilter,
    @Arg('first', () => Int, { nullable: true, description: `The first this many rows by rank, default ${DEFAULT_FIRST}, at most ${MAX_FIRST}.` })
    first?: number,
  ): Promise<FrequencyRow[]> {
    checkRegionCodes(filter?.regions);
    const size = firstOf(first);
    const { codes } = await scopeOf(ctx.readModel, filter?.regions);
    return frequencyTable(await frequencyBodies(ctx.readModel.knex, ctx.readModel.schema, codes, REGION_ORDER, filter, size));
  }

  @FieldResolver(() => BodyConnection, { description: 'Bodies across regions: filtered, sorted, cursor-paginated (question 1).' })
  async bodies(
    @Ctx() ctx: ComparisonContext,
    @Arg('filter', () => ComparisonBodyFilter, { nullable: true }) filter?: ComparisonBodyFilter,
    @Arg('sort', () => BodySort, { nullable: true }) sort?: BodySort,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 200.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<BodyConnection> {
    const { codes, missingDetails } = await scopeOf(ctx.readModel, filter?.regions);
    return bodyConnection(ctx.readModel, codes, missingDetails, { filter, sort, first, after });
  }

  @FieldResolver(() => FrequencySummary, {
    description: 'Per region: bodies per level, documented minimum meetings per year of standing bodies, bodies with no stated frequency (question 2).',
  })
  async frequencySummary(
    @Ctx() ctx: ComparisonContext,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
  ): Promise<FrequencySummary> {
    const { codes, groups, missing } = await aggregateGroups(ctx, 'frequencySummary', regions, first);
    return frequencySummary(codes, groups, missing);
  }

  @FieldResolver(() => RolesCrosswalk, {
    description: "Roles side by side per canonical RoleKind, duties by DutyCategory in each region's words (question 3).",
  })
  async rolesCrosswalk(
    @Ctx() ctx: ComparisonContext,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Default: every kind some region has.' }) kinds?: Array<keyof typeof RoleKind>,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<RolesCrosswalk> {
    const entries = !info || selectsAny(info, [['rows', 'regions', 'roles']]);
    const { codes, groups, missing } = await aggregateGroups(
      ctx,
      'rolesCrosswalk',
      regions,
      first,
      kinds?.length ? kinds.map((k) => ROLES_OF_KIND.nameOf(k)) : null,
      entries,
    );
    return rolesCrosswalk(codes, groups, missing, kinds);
  }

  @FieldResolver(() => FunctionalCrosswalk, {
    description:
      'Roles compared by what they do: per function (convenes, keeps minutes, prepares, reports upward ...) who does it in each region, with the quotes; roles with no stated duties listed apart (question 3, by function; rolesCrosswalk is the view by title).',
  })
  async functionalCrosswalk(
    @Ctx() ctx: ComparisonContext,
    @Arg('functions', () => [CollaborationFunction], { nullable: true, description: 'Default: every function.' }) functions?: CollaborationFunction[],
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('closestFirst', () => Int, {
      nullable: true,
      description: `Closest roles listed per role and other region: default ${DEFAULT_CLOSEST_FIRST}, 0 to ${MAX_FIRST}, and never more than \`first\` (closestCounts counts them all).`,
    })
    closestFirst?: number,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<FunctionalCrosswalk> {
    if (closestFirst != null && (!Number.isInteger(closestFirst) || closestFirst < 0 || closestFirst > MAX_FIRST)) {
      throw badUserInput(
        `closestFirst must be between 0 and ${MAX_FIRST} (the closest roles listed per role and other region; closestCounts counts them all).`,
      );
    }
    const entries =
      !info ||
      selectsAny(info, [
        ['functions', 'regions', 'performers'],
        ['regions', 'roles'],
        ['regions', 'rolesWithoutDuties'],
        ['regions', 'rolesWithoutFunctions'],
      ]);
    const { codes, groups, missing, size } = await aggregateGroups(ctx, 'functionalCrosswalk', regions, first, null, entries);
    return functionalCrosswalk(codes, groups, missing, size, functions, closestFirst ?? DEFAULT_CLOSEST_FIRST);
  }

  @FieldResolver(() => ReportingDutiesComparison, { description: 'Reporting duties side by side: artifact, from, to, frequency, quote (question 4).' })
  async reportingDuties(
    @Ctx() ctx: ComparisonContext,
    @Arg('filter', () => ReportingDutyFilter, { nullable: true }) filter?: ReportingDutyFilter,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
  ): Promise<ReportingDutiesComparison> {
    const size = firstOf(first);
    const { codes, missingDetails } = await scopeOf(ctx.readModel, filter?.regions);
    const { rows, totalCount } = await dutyRows(ctx.readModel.knex, ctx.readModel.schema, codes, REGION_ORDER, ARTIFACT_KINDS, filter, size);
    return reportingDuties(rows, totalCount, missingDetails);
  }

  @FieldResolver(() => ReportingChains, {
    description: 'Per region, the bodies and edges (parent links, reporting duties) from operational bodies up to the political level (question 4).',
  })
  async reportingChains(
    @Ctx() ctx: ComparisonContext,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ReportingChains> {
    const entries =
      !info ||
      selectsAny(
        info,
        ['nodes', 'roleNodes', 'edges', 'notUpward', 'paths'].map((list) => ['regions', list]),
      );
    const { codes, groups, missing } = await aggregateGroups(ctx, 'reportingChains', regions, first, null, entries);
    return reportingChains(codes, groups, missing);
  }

  @FieldResolver(() => ComparisonMatrix, { description: 'Aspects × regions, each cell STATED or NOT_STATED with its quotes (question 5).' })
  async comparisonMatrix(
    @Ctx() ctx: ComparisonContext,
    @Arg('regions', () => [ID], { nullable: true, description: 'The columns; default: every region.' }) regions?: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
  ): Promise<ComparisonMatrix> {
    const { codes, groups, missing } = await aggregateGroups(ctx, 'comparisonMatrix', regions, first);
    return comparisonMatrix(codes, groups, missing);
  }

  @FieldResolver(() => Differences, { description: 'What each of two or more regions has that the others lack (question 6).' })
  async differences(
    @Ctx() ctx: ComparisonContext,
    @Arg('regions', () => [ID], { description: 'Two or more region codes.' }) regions: string[],
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
  ): Promise<Differences> {
    if (new Set(regions).size < 2) {
      throw badUserInput('differences needs two or more distinct regions');
    }
    const { codes, groups, missing } = await aggregateGroups(ctx, 'differences', regions, first);
    return differences(codes, groups, missing);
  }
}

/** An aggregate's precomputed groups of the regions in scope that have a copy: two statements (the copies held, the groups). */
/** `entries` false: the answer asks for none of the aggregate's lists, only what beside them (counts ...): no entry is read. */
async function aggregateGroups(
  ctx: ComparisonContext,
  aggregate: AggregateName,
  regions: string[] | null | undefined,
  first: number | null | undefined,
  grps?: string[] | null,
  entries = true,
) {
  const size = firstOf(first);
  const { codes, missingDetails } = await scopeOf(ctx.readModel, regions);
  return {
    codes,
    missing: missingDetails,
    size,
    groups: await readGroups(ctx.readModel.knex, ctx.readModel.schema, aggregate, codes, entries ? size : 0, grps),
  };
}
