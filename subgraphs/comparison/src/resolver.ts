/** The region registry and the Landscape aggregates. */
import { Arg, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BodyFilter, Region, REGIONS, type Body } from '@samverkan/shared';
import { REGION_STUBS } from './generated/region-stubs';
import { FrequencyRow, Landscape, type RequiredRegion } from './landscape';
import { frequencyTable } from './frequency-table';
import { REQUIRES_BODIES, REQUIRES_PRESENCE } from './selections';

const REGION_ORDER = REGIONS.map((r) => r.code);

function regionStub(code: string): Region {
  const Stub = REGION_STUBS[code as keyof typeof REGION_STUBS];
  return Object.assign(new Stub(), { code }) as unknown as Region;
}

/** Pairs each registry region with its required data; `null` data means the region did not answer. */
export function requiredByRegion(landscape: Landscape): Array<{ code: string; data: RequiredRegion }> {
  return REGIONS.map((r, i) => ({ code: r.code, data: (landscape.regions?.[i] ?? null) as RequiredRegion }));
}

function answeredBodies(landscape: Landscape): Body[] {
  return requiredByRegion(landscape).flatMap(({ data }) => data?.bodies ?? []);
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

  @Directive(`@requires(fields: "${REQUIRES_PRESENCE}")`)
  @FieldResolver(() => [ID], { description: 'Codes of the regions whose subgraph did not answer; the other fields answer for the rest.' })
  missingRegions(@Root() landscape: Landscape): string[] {
    return requiredByRegion(landscape).filter(({ data }) => data === null).map(({ code }) => code);
  }

  @Directive(`@requires(fields: "${REQUIRES_BODIES}")`)
  @FieldResolver(() => [FrequencyRow], { description: 'Bodies with a documented regular meeting frequency, ranked across regions (most frequent first).' })
  meetingFrequencyTable(
    @Root() landscape: Landscape,
    @Arg('filter', () => BodyFilter, { nullable: true }) filter?: BodyFilter,
  ): FrequencyRow[] {
    return frequencyTable(answeredBodies(landscape), filter, REGION_ORDER);
  }
}
