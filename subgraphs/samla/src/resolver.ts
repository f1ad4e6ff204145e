/** SAMLA (Lerum–Alingsås): the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { bodyById, createRegionResolver, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { SamlaRegion } from './region';
import { SamlaChairRotation, SamlaRepresentation } from './chair-rotation';

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

  @FieldResolver(() => SamlaChairRotation, { nullable: true, description: 'The rotating chair of Samordningsgruppen, typed.' })
  async chairRotationRule(@Ctx() ctx: SubgraphContext): Promise<SamlaChairRotation | null> {
    const [group, rules] = await Promise.all([bodyById(ctx, 'samla:samordningsgruppen'), regionalFactsByTopic(ctx, 'chair-rotation')]);
    return group ? { chair: group.chair ?? null, viceChair: group.viceChair ?? null, followsBodyId: 'samla:politiska-samradsgruppen', rules } : null;
  }

  @FieldResolver(() => SamlaRepresentation, { nullable: true, description: 'Representation rules of Samordningsgruppen: representatives cannot appoint substitutes.' })
  async representation(@Ctx() ctx: SubgraphContext): Promise<SamlaRepresentation | null> {
    const group = await bodyById(ctx, 'samla:samordningsgruppen');
    return group ? { substitutes: group.substitutes } : null;
  }
}
