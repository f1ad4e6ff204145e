/** Kalmar län: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { createRegionResolver, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { KalmarRegion } from './region';

const entry = regionByCode('kalmar')!;

@Resolver(() => KalmarRegion)
export class KalmarRegionResolver extends createRegionResolver(KalmarRegion) {
  @Query(() => KalmarRegion, { description: 'Kalmar län, served by this subgraph alone (drill-down).' })
  kalmar(): KalmarRegion {
    return { code: entry.code, name: entry.name } as KalmarRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: 'The presidiekonferens cycle: twice a year, the steering document every other year.' })
  presidiekonferensCycle(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'presidiekonferens-cycle');
  }

  @FieldResolver(() => [RegionalFact], { description: 'Service-user representatives and brukarmedverkan.' })
  userInvolvement(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'user-involvement');
  }
}
