/**
 * Kalmar's own body fields, on `KalmarBody` (the region-owned entity of a Kalmar body; see
 * docs/EXTENDING.md, "Region-owned body fields"). Every value comes from the data file: a regional
 * fact with the field's topic and `bodyId` naming the body.
 */
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Source } from '@samverkan/contract';
import { factsAbout, regionBodyType, type RegionBodyValue, type SubgraphContext } from '@samverkan/shared';

/** The topic of the facts `KalmarBody.memberSelection` is built from. */
export const MEMBER_SELECTION_TOPIC = 'member-selection';

export const KalmarBody = regionBodyType('kalmar');

@ObjectType('KalmarMemberSelection', { description: 'On what grounds members of the body are chosen (urvalsgrunder), as the document lists them.' })
export class KalmarMemberSelection {
  @Field(() => [String], { description: "The grounds, in the document's words and order (the fact's value, one entry per comma-separated item)." })
  criteria!: string[];
  @Field(() => Source) source!: Source;
}

@Resolver(() => KalmarBody)
export class KalmarBodyResolver {
  @FieldResolver(() => KalmarMemberSelection, { nullable: true, description: 'Urvalsgrunder: null when the document states none for this body.' })
  async memberSelection(@Root() ref: RegionBodyValue, @Ctx() ctx: SubgraphContext): Promise<KalmarMemberSelection | null> {
    const [fact] = await factsAbout(ctx, MEMBER_SELECTION_TOPIC, ref.id);
    if (!fact?.value) return null;
    return {
      criteria: fact.value
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      source: fact.source,
    };
  }
}
