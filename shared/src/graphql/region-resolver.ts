/**
 * The Region fields every region subgraph resolves the same way, from its own schema. A region
 * extends the class this returns and adds its own root field and region-specific fields.
 * Each field is one SQL statement per request, whatever the number of bodies. The facts are
 * read-only here, so rows are read as plain data (no entity hydration or identity map).
 */
import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { dataVersionOfRegion, regionChanges } from './history-resolver';
import type { EntitySchema } from '@mikro-orm/core';
import {
  DatedEvent,
  DateTimeScalar,
  RegionChangeConnection,
  Body,
  BodyFilter,
  DecisionRule,
  Plan,
  RegionalFact,
  ReportingDuty,
  Role,
  SourceDocument,
} from '@samverkan/contract';
import { bodyFilterToWhere } from '../orm/body-filter';
import { readPage } from './list-page';
import type { SubgraphContext } from './context';
import { BodyEntity, DecisionRuleEntity, DocumentEntity, EventEntity, PlanEntity, RegionalFactEntity, ReportingDutyEntity, RoleEntity } from '../orm/entities';

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

const FIRST = 'At most this many entries (1 to 5000), in document order; without it, every entry. With afterId, pages through the list.';
const AFTER_ID = 'The id of the last entry of the previous page: the entries after it, in document order (an id the list does not have is an error).';

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
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<Body[]> {
      return readPage(ctx, BodyEntity, bodyFilterToWhere(filter), { first, afterId });
    }

    @FieldResolver(() => [Role], { nullable: true })
    roles(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<Role[]> {
      return readPage(ctx, RoleEntity, {}, { first, afterId });
    }

    @FieldResolver(() => [ReportingDuty], { nullable: true })
    reportingDuties(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<ReportingDuty[]> {
      return readPage(ctx, ReportingDutyEntity, {}, { first, afterId });
    }

    @FieldResolver(() => [Plan], { nullable: true })
    plans(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<Plan[]> {
      return readPage(ctx, PlanEntity, {}, { first, afterId });
    }

    @FieldResolver(() => [DecisionRule], { nullable: true })
    decisionRules(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<DecisionRule[]> {
      return readPage(ctx, DecisionRuleEntity, {}, { first, afterId });
    }

    @FieldResolver(() => [RegionalFact], { nullable: true })
    regionalFacts(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<RegionalFact[]> {
      return readPage(ctx, RegionalFactEntity, {}, { first, afterId });
    }

    @FieldResolver(() => String, { nullable: true })
    async dataVersion(@Ctx() ctx: SubgraphContext): Promise<string | null> {
      return (await dataVersionOfRegion(ctx)).dataVersion;
    }

    @FieldResolver(() => DateTimeScalar, { nullable: true })
    async updatedAt(@Ctx() ctx: SubgraphContext): Promise<string | null> {
      return (await dataVersionOfRegion(ctx)).updatedAt?.toISOString() ?? null;
    }

    @FieldResolver(() => [DatedEvent], { nullable: true })
    events(
      @Ctx() ctx: SubgraphContext,
      @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
      @Arg('afterId', () => ID, { nullable: true, description: AFTER_ID }) afterId?: string,
    ): Promise<DatedEvent[]> {
      return readPage(ctx, EventEntity, {}, { first, afterId });
    }

    @FieldResolver(() => RegionChangeConnection, { nullable: true })
    changes(
      @Root() region: { code: string },
      @Ctx() ctx: SubgraphContext,
      @Arg('since', () => DateTimeScalar, { nullable: true }) since?: string,
      @Arg('first', () => Int, { nullable: true }) first?: number,
      @Arg('after', () => String, { nullable: true }) after?: string,
    ): Promise<RegionChangeConnection> {
      return regionChanges(ctx, region.code, { since, first, after });
    }
  }
  return RegionFieldsResolver;
}
