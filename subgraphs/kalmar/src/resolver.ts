/** Kalmar län: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { bodyById, createRegionResolver, planById, regionByCode, RegionalFact, regionalFactsByTopic, type SubgraphContext } from '@samverkan/shared';
import { KalmarRegion } from './region';
import { KalmarPresidiekonferens, KalmarUserRepresentation } from './presidiekonferens';

const entry = regionByCode('kalmar')!;

@Resolver(() => KalmarRegion)
export class KalmarRegionResolver extends createRegionResolver(KalmarRegion) {
  @Query(() => KalmarRegion, { description: 'Kalmar län, served by this subgraph alone (drill-down).' })
  kalmar(): KalmarRegion {
    return { code: entry.code, name: entry.name } as KalmarRegion;
  }

  @FieldResolver(() => [RegionalFact], { description: 'The presidiekonferens cycle: twice a year, the steering document every other year.' })
  presidiekonferensCycle(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'presidiekonferens-cycle');
  }

  @FieldResolver(() => [RegionalFact], { description: 'Service-user representatives and brukarmedverkan.' })
  userInvolvement(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
    return regionalFactsByTopic(ctx, 'user-involvement');
  }

  @FieldResolver(() => KalmarPresidiekonferens, { nullable: true, description: 'The presidiekonferens cycle, typed.' })
  async presidiekonferens(@Ctx() ctx: SubgraphContext): Promise<KalmarPresidiekonferens | null> {
    const [body, steeringDocument, facts] = await Promise.all([
      bodyById(ctx, 'kalmar:gemensam-presidiekonferens'),
      planById(ctx, 'kalmar:kalmar-tvaarigt-styrdokument'),
      regionalFactsByTopic(ctx, 'presidiekonferens-cycle'),
    ]);
    return body ? { body, steeringDocument, facts } : null;
  }

  @FieldResolver(() => KalmarUserRepresentation, { description: 'Service-user representation, typed.' })
  async userRepresentation(@Ctx() ctx: SubgraphContext): Promise<KalmarUserRepresentation> {
    const facts = await regionalFactsByTopic(ctx, 'user-involvement');
    const count = (id: string) => facts.find((f) => f.id === `kalmar:${id}`)?.count ?? null;
    return {
      roleKind: 'USER_REPRESENTATIVE',
      seatsInLansgemensamLedning: count('kalmar-brukarrepresentanter'),
      perSamordnandeGrupp: count('kalmar-brukarmedverkan-representant'),
      supportingUtvecklingsledare: count('kalmar-brukarmedverkan-utvecklingsledare'),
      facts,
    };
  }
}
