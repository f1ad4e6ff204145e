/** Höglandet: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { regionByCode, RegionalFact } from '@samverkan/contract';
import { createRegionResolver, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { HoglandetRegion } from './region';
import { HoglandetKommunomraden, HoglandetRehabilitationActors } from './parties';

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

  @FieldResolver(() => HoglandetRehabilitationActors, { nullable: true, description: 'The four rehabilitation actors, typed.' })
  async rehabilitationActors(@Ctx() ctx: SubgraphContext): Promise<HoglandetRehabilitationActors | null> {
    const [[f], names] = await Promise.all([regionalFactsByTopic(ctx, 'rehabilitation-parties'), regionalFactsByTopic(ctx, 'rehabilitation-party-name')]);
    return f ? { count: f.count ?? null, named: names.length > 0, names: names.map((n) => n.name), note: f.note ?? null, source: f.source } : null;
  }

  @FieldResolver(() => HoglandetKommunomraden, { nullable: true, description: 'The kommunområden, typed.' })
  async kommunomradesindelning(@Ctx() ctx: SubgraphContext): Promise<HoglandetKommunomraden | null> {
    const [facts, names] = await Promise.all([regionalFactsByTopic(ctx, 'kommunomrade'), regionalFactsByTopic(ctx, 'kommunomrade-name')]);
    const f = facts.find((x) => x.count != null);
    return f ? { count: f.count ?? null, names: names.map((n) => n.name), source: f.source } : null;
  }
}
