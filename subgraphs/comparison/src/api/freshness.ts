/** How current each region's copy in the read model is: part of every comparison answer. */
import { Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { SourceDocument } from '@samverkan/shared';
import { SyncFailureKind } from '../read-model/failure';
import { Landscape } from './landscape';
import type { ComparisonContext } from '../context';

registerEnumType(SyncFailureKind, {
  name: 'SyncFailureKind',
  description:
    'Why the last sync of a region failed: NO_ANSWER (timeout, connection refused), HTTP_ERROR, GRAPHQL_ERRORS, INCOMPLETE (null lists or version: a failing database), DATA_CHANGED (its data changed while copied; the next round copies the new version).',
});

@ObjectType({ simpleResolvers: true, description: "How current the comparison's copy of one region's data is." })
export class RegionFreshness {
  @Field(() => ID) regionCode!: string;
  @Field(() => String, { nullable: true, description: "The data version of the copy (a content hash of the region's data); null when never synced." })
  dataVersion!: string | null;
  @Field(() => String, { nullable: true, description: 'When the copy was taken (ISO 8601).' }) syncedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When this comparison last reached the region (ISO 8601).' }) checkedAt!: string | null;
  @Field(() => Boolean, {
    description: 'True when the region could not be reached or answered with errors at the last check (the copy may be out of date), or was never synced.',
  })
  stale!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is stale.' }) reason!: string | null;
  @Field(() => SyncFailureKind, {
    nullable: true,
    description: "The kind of the last check's failure (its words are in reason); null when the last check succeeded or none was made yet.",
  })
  failureKind!: SyncFailureKind | null;
  @Field(() => [String], {
    description: "Fields this comparison asks for that the region's contract does not have (an older shared contract): null in its copy.",
  })
  missingFields!: string[];
}

@Resolver(() => Landscape)
export class FreshnessResolver {
  @FieldResolver(() => [RegionFreshness], { description: 'Per region: data version, when synced, and whether the copy is stale.' })
  async freshness(@Ctx() ctx: ComparisonContext): Promise<RegionFreshness[]> {
    const list = await ctx.readModel.freshness();
    return list.map((f) => ({
      ...f,
      failureKind: f.failure?.kind ?? null,
      syncedAt: f.syncedAt?.toISOString() ?? null,
      checkedAt: f.checkedAt?.toISOString() ?? null,
    }));
  }
}

@Resolver(() => RegionFreshness)
export class FreshnessDocumentsResolver {
  @FieldResolver(() => [SourceDocument], {
    description:
      "The region's source documents in the copy, with their own date, validity, review date and version (passages are null here: ask Region.documents for the text); empty when never synced.",
  })
  async documents(@Root() f: RegionFreshness, @Ctx() ctx: ComparisonContext): Promise<SourceDocument[]> {
    return (await ctx.readModel.documents()).get(f.regionCode) ?? [];
  }
}
