/**
 * The Region fields every region subgraph resolves the same way, from its own schema. A region
 * extends the class this returns and adds its own root field and region-specific fields.
 * Each field is one SQL statement per request, whatever the number of bodies. The facts are
 * read-only here, so rows are read as plain data (no entity hydration or identity map).
 */
import { Arg, Ctx, FieldResolver, Resolver, type ClassType } from 'type-graphql';
import type { EntitySchema } from '@mikro-orm/core';
import { Body, BodyFilter, DecisionRule, Plan, RegionalFact, ReportingDuty, Role, SourceDocument } from '@samverkan/contract';
import { bodyFilterToWhere } from '../orm/body-filter';
import type { SubgraphContext } from './context';
import {
  BodyEntity, DecisionRuleEntity, DocumentEntity, PlanEntity, RegionalFactEntity, ReportingDutyEntity, RoleEntity,
} from '../orm/entities';

/** `select data from <table> where ... order by ...`, as plain objects. */
export async function readFacts<T>(
  ctx: SubgraphContext,
  entity: EntitySchema<any>,
  where: Record<string, unknown> = {},
  orderBy: Record<string, 'asc' | 'desc'> = { position: 'asc' },
): Promise<T[]> {
  const rows = await ctx.em.createQueryBuilder(entity).select('data').where(where).orderBy(orderBy).execute<Array<{ data: T }>>('all', false);
  return rows.map((r) => r.data);
}

export function createRegionResolver<T extends object>(regionType: ClassType<T>) {
  @Resolver(() => regionType)
  abstract class RegionFieldsResolver {
    @FieldResolver(() => [SourceDocument], { nullable: true })
    documents(@Ctx() ctx: SubgraphContext): Promise<SourceDocument[]> {
      return readFacts(ctx, DocumentEntity, {}, { file: 'asc' });
    }

    @FieldResolver(() => [Body], { nullable: true })
    bodies(
      @Ctx() ctx: SubgraphContext,
      @Arg('filter', () => BodyFilter, { nullable: true }) filter?: BodyFilter,
    ): Promise<Body[]> {
      return readFacts(ctx, BodyEntity, bodyFilterToWhere(filter));
    }

    @FieldResolver(() => [Role], { nullable: true })
    roles(@Ctx() ctx: SubgraphContext): Promise<Role[]> {
      return readFacts(ctx, RoleEntity);
    }

    @FieldResolver(() => [ReportingDuty], { nullable: true })
    reportingDuties(@Ctx() ctx: SubgraphContext): Promise<ReportingDuty[]> {
      return readFacts(ctx, ReportingDutyEntity);
    }

    @FieldResolver(() => [Plan], { nullable: true })
    plans(@Ctx() ctx: SubgraphContext): Promise<Plan[]> {
      return readFacts(ctx, PlanEntity);
    }

    @FieldResolver(() => [DecisionRule], { nullable: true })
    decisionRules(@Ctx() ctx: SubgraphContext): Promise<DecisionRule[]> {
      return readFacts(ctx, DecisionRuleEntity);
    }

    @FieldResolver(() => [RegionalFact], { nullable: true })
    regionalFacts(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
      return readFacts(ctx, RegionalFactEntity);
    }
  }
  return RegionFieldsResolver;
}
