/**
 * The Region fields every region subgraph resolves the same way, from its own schema. A region
 * extends the class this returns and adds its own root field and region-specific fields.
 * Each field is one SQL statement per request, whatever the number of bodies.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { BodyFilter, bodyFilterToWhere } from './filters';
import { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role, SourceDocument } from './types';
import type { SubgraphContext } from './context';
import {
  BodyEntity, DecisionRuleEntity, DocumentEntity, PlanEntity, RegionalFactEntity, ReportingDutyEntity, RoleEntity,
} from '../orm/entities';

export interface RegionRoot { code: string; name: string }

export function createRegionResolver<T extends object>(regionType: ClassType<T>) {
  @Resolver(() => regionType)
  abstract class RegionFieldsResolver {
    @FieldResolver(() => [SourceDocument], { nullable: true })
    async documents(@Ctx() ctx: SubgraphContext): Promise<SourceDocument[]> {
      const rows = await ctx.em.find(DocumentEntity, {}, { orderBy: { file: 'asc' } });
      return rows.map((r) => r.data);
    }

    @FieldResolver(() => [Body], { nullable: true })
    async bodies(
      @Ctx() ctx: SubgraphContext,
      @Arg('filter', () => BodyFilter, { nullable: true }) filter?: BodyFilter,
    ): Promise<Body[]> {
      const rows = await ctx.em.find(BodyEntity, bodyFilterToWhere(filter) as never, { orderBy: { position: 'asc' } });
      return rows.map((r) => r.data);
    }

    @FieldResolver(() => [Role], { nullable: true })
    async roles(@Ctx() ctx: SubgraphContext): Promise<Role[]> {
      return (await ctx.em.find(RoleEntity, {}, { orderBy: { position: 'asc' } })).map((r) => r.data);
    }

    @FieldResolver(() => [ReportingDuty], { nullable: true })
    async reportingDuties(@Ctx() ctx: SubgraphContext): Promise<ReportingDuty[]> {
      return (await ctx.em.find(ReportingDutyEntity, {}, { orderBy: { position: 'asc' } })).map((r) => r.data);
    }

    @FieldResolver(() => [Plan], { nullable: true })
    async plans(@Ctx() ctx: SubgraphContext): Promise<Plan[]> {
      return (await ctx.em.find(PlanEntity, {}, { orderBy: { position: 'asc' } })).map((r) => r.data);
    }

    @FieldResolver(() => [DecisionRule], { nullable: true })
    async decisionRules(@Ctx() ctx: SubgraphContext): Promise<DecisionRule[]> {
      return (await ctx.em.find(DecisionRuleEntity, {}, { orderBy: { position: 'asc' } })).map((r) => r.data);
    }

    @FieldResolver(() => [RegionalFact], { nullable: true })
    async regionalFacts(@Root() _region: T, @Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> {
      return (await ctx.em.find(RegionalFactEntity, {}, { orderBy: { position: 'asc' } })).map((r) => r.data);
    }
  }
  return RegionFieldsResolver;
}
