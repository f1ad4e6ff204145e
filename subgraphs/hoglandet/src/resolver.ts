/** Höglandet: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { createRegionResolver, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { HoglandetRegion } from './region';

const entry = regionByCode('hoglandet')!;

@Resolver(() => HoglandetRegion)
export class HoglandetRegionResolver extends createRegionResolver(HoglandetRegion) {
  @Query(() => HoglandetRegion, { description: 'Höglandet, served by this subgraph alone (drill-down).' })
  hoglandet(): HoglandetRegion {
    return { code: entry.code, name: entry.name } as HoglandetRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: 'The four rehabilitation actors (the document does not name them).' })
  rehabilitationParties(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'rehabilitation-parties');
  }

  @FieldResolver(() => [RegionalFact], { description: 'The kommunområden Uppdrag Samverkan works in.' })
  kommunomraden(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'kommunomrade');
  }

  @FieldResolver(() => [RegionalFact], { description: 'The goals of Uppdrag Samverkan.' })
  goals(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'goal');
  }
}
