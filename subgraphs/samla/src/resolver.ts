/** SAMLA (Lerum–Alingsås): the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { createRegionResolver, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { SamlaRegion } from './region';

const entry = regionByCode('samla')!;

@Resolver(() => SamlaRegion)
export class SamlaRegionResolver extends createRegionResolver(SamlaRegion) {
  @Query(() => SamlaRegion, { description: 'SAMLA (Lerum–Alingsås), served by this subgraph alone (drill-down).' })
  samla(): SamlaRegion {
    return { code: entry.code, name: entry.name } as SamlaRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: 'The target groups SAMLA pays particular attention to.' })
  targetGroups(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'target-group');
  }

  @FieldResolver(() => [RegionalFact], { description: 'How the chair rotates between the principals (huvudmän).' })
  chairRotation(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'chair-rotation');
  }
}
