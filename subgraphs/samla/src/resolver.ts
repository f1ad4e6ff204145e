/** SAMLA (Lerum–Alingsås): the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { regionByCode, RegionalFact, type Body } from '@samverkan/contract';
import { BodyEntity, createRegionResolver, readFacts, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { SamlaRegion } from './region';
import { SamlaChairRotation, SamlaRepresentation } from './chair-rotation';

const entry = regionByCode('samla')!;

/** The body whose chair the data says rotates (Samordningsgruppen). */
async function rotatingChairBody(ctx: SubgraphContext): Promise<Body | null> {
  return (await readFacts<Body>(ctx, BodyEntity)).find((b) => b.chair?.rotation) ?? null;
}

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
    const [group, bodies, rules] = await Promise.all([rotatingChairBody(ctx), readFacts<Body>(ctx, BodyEntity), regionalFactsByTopic(ctx, 'chair-rotation')]);
    if (!group?.chair) return null;
    // the body the chair follows is the one the data's selection rule names
    const selection = (group.chair.selection ?? '').toLowerCase();
    const follows = bodies.find((b) => b.id !== group.id && selection.includes(b.name.toLowerCase()));
    if (!follows) return null;
    return { chair: group.chair, viceChair: group.viceChair ?? null, followsBodyId: follows.id, rules };
  }

  @FieldResolver(() => SamlaRepresentation, {
    nullable: true,
    description: 'Representation rules of Samordningsgruppen: representatives cannot appoint substitutes.',
  })
  async representation(@Ctx() ctx: SubgraphContext): Promise<SamlaRepresentation | null> {
    const group = await rotatingChairBody(ctx);
    return group ? { substitutes: group.substitutes } : null;
  }
}
