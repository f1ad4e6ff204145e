/** Örebro län: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { createRegionResolver, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { OrebroRegion } from './region';

const entry = regionByCode('orebro')!;

@Resolver(() => OrebroRegion)
export class OrebroRegionResolver extends createRegionResolver(OrebroRegion) {
  @Query(() => OrebroRegion, { description: 'Örebro län, served by this subgraph alone (drill-down).' })
  orebro(): OrebroRegion {
    return { code: entry.code, name: entry.name } as OrebroRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: 'Örebro\'s three levels of the structure (makro/strategisk, meso/taktisk, mikro/operativ).' })
  levels(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'level');
  }

  @FieldResolver(() => [RegionalFact], { description: 'The four länsdelar (sub-county areas); the document does not name them.' })
  lansdelar(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'lansdel');
  }
}
