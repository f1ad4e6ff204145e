/** Kalmar län: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { regionByCode, RegionalFact, type Body, type Plan, type Role } from '@samverkan/contract';
import { BodyEntity, createRegionResolver, PlanEntity, readFacts, regionalFactsByTopic, RoleEntity, type SubgraphContext } from '@samverkan/shared';
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
    const [body] = await readFacts<Body>(ctx, BodyEntity, { kind: 'CONFERENCE' });
    if (!body) return null;
    const [plans, facts] = await Promise.all([
      readFacts<Plan>(ctx, PlanEntity, { kind: 'STEERING_DOCUMENT' }),
      regionalFactsByTopic(ctx, 'presidiekonferens-cycle'),
    ]);
    return { body, steeringDocument: plans.find((p) => p.ownerBodyId === body.id) ?? null, facts };
  }

  @FieldResolver(() => KalmarUserRepresentation, { description: 'Service-user representation, typed.' })
  async userRepresentation(@Ctx() ctx: SubgraphContext): Promise<KalmarUserRepresentation> {
    const [[role], facts] = await Promise.all([
      readFacts<Role>(ctx, RoleEntity, { kind: 'USER_REPRESENTATIVE' }),
      regionalFactsByTopic(ctx, 'user-involvement'),
    ]);
    if (!role) throw new Error('The Kalmar data names no USER_REPRESENTATIVE role.');
    // the counts stand in the facts' quotes; a fact is told apart by what its quote counts
    const counted = (word: RegExp) => facts.find((f) => f.count != null && word.test(f.source.quote))?.count ?? null;
    return {
      roleKind: role.kind,
      role,
      seatsInLansgemensamLedning: role.postHolders?.count ?? null,
      perSamordnandeGrupp: counted(/representant för brukarmedverkan/i),
      supportingUtvecklingsledare: counted(/utvecklingsledare/i),
      facts,
    };
  }
}
