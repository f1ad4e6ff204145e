/** Örebro län: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { regionByCode, RegionalFact, type Body } from '@samverkan/contract';
import { BodyEntity, createRegionResolver, readFacts, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { OrebroRegion } from './region';
import { levelOfName, OrebroLansdelar, OrebroStructureLevel } from './levels';

const entry = regionByCode('orebro')!;

@Resolver(() => OrebroRegion)
export class OrebroRegionResolver extends createRegionResolver(OrebroRegion) {
  @Query(() => OrebroRegion, { description: 'Örebro län, served by this subgraph alone (drill-down).' })
  orebro(): OrebroRegion {
    return { code: entry.code, name: entry.name } as OrebroRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: "Örebro's three levels of the structure (makro/strategisk, meso/taktisk, mikro/operativ)." })
  levels(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'level');
  }

  @FieldResolver(() => [RegionalFact], { description: 'The four länsdelar (sub-county areas); the document does not name them.' })
  lansdelar(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'lansdel');
  }

  @FieldResolver(() => [OrebroStructureLevel], { description: 'The three levels, typed and mapped to the shared Level, with their bodies.' })
  async structureLevels(@Ctx() ctx: SubgraphContext): Promise<OrebroStructureLevel[]> {
    const facts = await regionalFactsByTopic(ctx, 'level');
    return facts.flatMap((f) => {
      const level = levelOfName(f.name);
      return level ? [{ name: f.name, description: f.value ?? null, level, source: f.source }] : [];
    });
  }

  @FieldResolver(() => OrebroLansdelar, { nullable: true, description: 'The four länsdelar, typed.' })
  async lansdelsindelning(@Ctx() ctx: SubgraphContext): Promise<OrebroLansdelar | null> {
    const [[fact], [group]] = await Promise.all([regionalFactsByTopic(ctx, 'lansdel'), readFacts<Body>(ctx, BodyEntity, { kind: 'SUB_COUNTY_GROUP' })]);
    // the names are those the data gives the länsdelsgrupper (one per länsdel): none, the document names no länsdel
    return fact ? { count: fact.count ?? null, names: group?.instances?.names ?? [], note: fact.note ?? null, source: fact.source } : null;
  }
}
