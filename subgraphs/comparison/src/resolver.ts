/** The region registry and the Landscape aggregates: thin resolvers over the pure functions of each aggregate's file. */
import { GraphQLError } from 'graphql';
import { Arg, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BodyFilter, Region, REGIONS, RoleKind } from '@samverkan/shared';
import { REGION_STUBS } from './generated/region-stubs';
import { FrequencyRow, Landscape, type RequiredRegion } from './landscape';
import { frequencyTable } from './frequency-table';
import {
  REQUIRES_BODIES, REQUIRES_CHAINS, REQUIRES_COMPARED_BODIES, REQUIRES_DIFFERENCES, REQUIRES_MATRIX, REQUIRES_PRESENCE,
  REQUIRES_FUNCTIONS, REQUIRES_REPORTING, REQUIRES_ROLES, type Requirement,
} from './selections';
import { MissingRegion, REGION_ORDER, scopeOf as scopeOfEntries, type Scope } from './scope';
import { BodyConnection, bodyConnection, BodySort, ComparisonBodyFilter } from './bodies';
import { FrequencySummary, frequencySummary } from './frequency-summary';
import { RolesCrosswalk, rolesCrosswalk } from './crosswalk';
import { CollaborationFunction, FunctionalCrosswalk, functionalCrosswalk } from './functions';
import { ReportingDutiesComparison, ReportingDutyFilter, reportingDuties } from './reporting';
import { ReportingChains, reportingChains } from './chains';
import { ComparisonMatrix, comparisonMatrix } from './matrix';
import { Differences, differences } from './differences';

function regionStub(code: string): Region {
  const Stub = REGION_STUBS[code as keyof typeof REGION_STUBS];
  return Object.assign(new Stub(), { code }) as unknown as Region;
}

/** The regions an aggregate answers for, and those it cannot (missingRegions), from the data it required. */
function scopeOf(landscape: Landscape, requirement: Requirement, codes?: readonly string[] | null): Scope {
  return scopeOfEntries(landscape.regions as RequiredRegion[] | null, requirement, codes);
}

export const LANDSCAPE_ID = 'landscape';

@Resolver(() => Landscape)
export class LandscapeResolver {
  @Query(() => [Region], { nullable: 'items', description: 'The region registry: every region, each resolved by its own subgraph.' })
  regions(): Region[] {
    return REGIONS.map((r) => regionStub(r.code));
  }

  @Query(() => Region, { nullable: true, description: 'One region by code; null for an unknown code.' })
  region(@Arg('code', () => ID) code: string): Region | null {
    return REGIONS.some((r) => r.code === code) ? regionStub(code) : null;
  }

  @Query(() => Landscape, { description: 'All regions side by side: the entry point of every comparison.' })
  landscape(): Landscape {
    return { id: LANDSCAPE_ID, regions: this.regions() };
  }

  @Directive(`@requires(fields: "${REQUIRES_PRESENCE.selection}")`)
  @FieldResolver(() => [ID], { description: 'Codes of the regions whose data did not arrive complete (the subgraph did not answer, or some of its lists failed); the other fields answer for the rest.' })
  missingRegions(@Root() landscape: Landscape): string[] {
    return scopeOf(landscape, REQUIRES_PRESENCE).missing;
  }

  @Directive(`@requires(fields: "${REQUIRES_PRESENCE.selection}")`)
  @FieldResolver(() => [MissingRegion], { description: 'The regions of missingRegions, each with its reason.' })
  missing(@Root() landscape: Landscape): MissingRegion[] {
    return scopeOf(landscape, REQUIRES_PRESENCE).missingDetails;
  }

  @Directive(`@requires(fields: "${REQUIRES_BODIES.selection}")`)
  @FieldResolver(() => [FrequencyRow], { description: 'Bodies with a documented regular meeting frequency, ranked across regions (most frequent first).' })
  meetingFrequencyTable(
    @Root() landscape: Landscape,
    @Arg('filter', () => BodyFilter, { nullable: true }) filter?: BodyFilter,
  ): FrequencyRow[] {
    return frequencyTable(scopeOf(landscape, REQUIRES_BODIES).answered.flatMap((r) => r.bodies), filter, REGION_ORDER);
  }

  @Directive(`@requires(fields: "${REQUIRES_COMPARED_BODIES.selection}")`)
  @FieldResolver(() => BodyConnection, { description: 'Bodies across regions: filtered, sorted, cursor-paginated (question 1).' })
  bodies(
    @Root() landscape: Landscape,
    @Arg('filter', () => ComparisonBodyFilter, { nullable: true }) filter?: ComparisonBodyFilter,
    @Arg('sort', () => BodySort, { nullable: true }) sort?: BodySort,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 200.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): BodyConnection {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_COMPARED_BODIES, filter?.regions);
    return bodyConnection(answered, missingDetails, { filter, sort, first, after });
  }

  @Directive(`@requires(fields: "${REQUIRES_BODIES.selection}")`)
  @FieldResolver(() => FrequencySummary, { description: 'Per region: bodies per level, documented minimum meetings per year of standing bodies, bodies with no stated frequency (question 2).' })
  frequencySummary(
    @Root() landscape: Landscape,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
  ): FrequencySummary {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_BODIES, regions);
    return frequencySummary(answered, missingDetails);
  }

  @Directive(`@requires(fields: "${REQUIRES_ROLES.selection}")`)
  @FieldResolver(() => RolesCrosswalk, { description: 'Roles side by side per canonical RoleKind, duties by DutyCategory in each region\'s words (question 3).' })
  rolesCrosswalk(
    @Root() landscape: Landscape,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Default: every kind some region has.' }) kinds?: Array<keyof typeof RoleKind>,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
  ): RolesCrosswalk {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_ROLES, regions);
    return rolesCrosswalk(answered, missingDetails, kinds);
  }

  @Directive(`@requires(fields: "${REQUIRES_FUNCTIONS.selection}")`)
  @FieldResolver(() => FunctionalCrosswalk, { description: 'Roles compared by what they do: per function (convenes, keeps minutes, prepares, reports upward ...) who does it in each region, with the quotes; roles with no stated duties listed apart (question 3, by function; rolesCrosswalk is the view by title).' })
  functionalCrosswalk(
    @Root() landscape: Landscape,
    @Arg('functions', () => [CollaborationFunction], { nullable: true, description: 'Default: every function.' }) functions?: CollaborationFunction[],
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
  ): FunctionalCrosswalk {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_FUNCTIONS, regions);
    return functionalCrosswalk(answered, missingDetails, functions);
  }

  @Directive(`@requires(fields: "${REQUIRES_REPORTING.selection}")`)
  @FieldResolver(() => ReportingDutiesComparison, { description: 'Reporting duties side by side: artifact, from, to, frequency, quote (question 4).' })
  reportingDuties(
    @Root() landscape: Landscape,
    @Arg('filter', () => ReportingDutyFilter, { nullable: true }) filter?: ReportingDutyFilter,
  ): ReportingDutiesComparison {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_REPORTING, filter?.regions);
    return reportingDuties(answered, missingDetails, filter);
  }

  @Directive(`@requires(fields: "${REQUIRES_CHAINS.selection}")`)
  @FieldResolver(() => ReportingChains, { description: 'Per region, the bodies and edges (parent links, reporting duties) from operational bodies up to the political level (question 4).' })
  reportingChains(
    @Root() landscape: Landscape,
    @Arg('regions', () => [ID], { nullable: true, description: 'Default: every region.' }) regions?: string[],
  ): ReportingChains {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_CHAINS, regions);
    return reportingChains(answered, missingDetails);
  }

  @Directive(`@requires(fields: "${REQUIRES_MATRIX.selection}")`)
  @FieldResolver(() => ComparisonMatrix, { description: 'Aspects × regions, each cell STATED or NOT_STATED with its quotes (question 5).' })
  comparisonMatrix(
    @Root() landscape: Landscape,
    @Arg('regions', () => [ID], { nullable: true, description: 'The columns; default: every region.' }) regions?: string[],
  ): ComparisonMatrix {
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_MATRIX, regions);
    return comparisonMatrix(answered, missingDetails);
  }

  @Directive(`@requires(fields: "${REQUIRES_DIFFERENCES.selection}")`)
  @FieldResolver(() => Differences, { description: 'What each of two or more regions has that the others lack (question 6).' })
  differences(
    @Root() landscape: Landscape,
    @Arg('regions', () => [ID], { description: 'Two or more region codes.' }) regions: string[],
  ): Differences {
    if (new Set(regions).size < 2) {
      throw new GraphQLError('differences needs two or more distinct regions', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const { answered, missingDetails } = scopeOf(landscape, REQUIRES_DIFFERENCES, regions);
    return differences(answered, missingDetails);
  }
}
