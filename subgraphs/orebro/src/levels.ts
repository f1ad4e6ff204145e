/**
 * Örebro's three levels (makro/strategisk, meso/taktisk, mikro/operativ), typed, each mapped to the
 * shared Level by the level word the document itself uses, with the bodies the data places there.
 */
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Body, Level, Source } from '@samverkan/contract';
import { bodiesAtLevel, type SubgraphContext } from '@samverkan/shared';

@ObjectType('OrebroStructureLevel', { description: "One of Örebro's three levels of the collaboration structure." })
export class OrebroStructureLevel {
  @Field(() => String, { description: 'The document\'s name, e.g. "Makro/strategisk nivå".' }) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Level, { description: 'The shared level it maps to, from its own word (strategisk, taktisk, operativ).' }) level!: keyof typeof Level;
  @Field(() => Source) source!: Source;
}

@ObjectType('OrebroLansdelar', { description: "Örebro's four länsdelar (sub-county areas), each with a länsdelsgrupp. The document does not name them." })
export class OrebroLansdelar {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => [String], { description: "The länsdelar's names as the data gives them for the länsdelsgrupper (empty: the document names no länsdel)." })
  names!: string[];
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

const WORD_TO_LEVEL: Array<[RegExp, keyof typeof Level]> = [
  [/strategisk/i, 'STRATEGIC'],
  [/taktisk/i, 'TACTICAL'],
  [/operativ/i, 'OPERATIONAL'],
];

export function levelOfName(name: string): keyof typeof Level | null {
  return WORD_TO_LEVEL.find(([re]) => re.test(name))?.[1] ?? null;
}

@Resolver(() => OrebroStructureLevel)
export class OrebroStructureLevelResolver {
  @FieldResolver(() => [Body], { description: 'The bodies the data places at this level.' })
  bodies(@Root() level: OrebroStructureLevel, @Ctx() ctx: SubgraphContext): Promise<Body[]> {
    return bodiesAtLevel(ctx, level.level);
  }
}
