/** The Landscape entity: every cross-region aggregate hangs off it, answered from the read model. */
import { Directive, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { BodyKind, Level } from '@samverkan/contract';
import { Frequency } from '../aggregates/views';

/**
 * A region as the comparison knows it: its key only. Every other field of a region (its name, its
 * lists, its own typed fields) is resolved by the region's own subgraph (the gateway joins by key).
 */
@InterfaceType('Region', { description: 'A collaboration structure (a county, a sub-county association ...), served by its own subgraph.' })
export abstract class RegionRef {
  @Field(() => ID, { description: 'Stable region code (orebro, kalmar, hoglandet, samla).' }) code!: string;
}

@ObjectType({ simpleResolvers: true, description: "One body's regular meeting frequency, ranked across regions." })
export class FrequencyRow {
  @Field(() => Int, {
    description:
      '1 = meets most often (by documented minimum; at the same minimum an exact statement before an approximate one ("minst sex" before "cirka sex"), then an open maximum before the highest stated one).',
  })
  rank!: number;
  @Field(() => String) regionCode!: string;
  @Field(() => ID) bodyId!: string;
  @Field(() => String) bodyName!: string;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Float, { nullable: true }) minPerYear!: number | null;
  @Field(() => Float, { nullable: true }) maxPerYear!: number | null;
  @Field(() => Boolean) approximate!: boolean;
  @Field(() => Frequency, { description: 'The verbatim phrase with its source.' }) cadence!: Frequency;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'All regions side by side. Each aggregate answers for the regions that answered and names the rest in missingRegions.' })
export class Landscape {
  @Field(() => ID) id!: string;
  @Field(() => [RegionRef], {
    nullable: 'items',
    description: 'Every registered region, resolved by its own subgraph (null entries for regions that are down).',
  })
  regions!: RegionRef[];
}
