/** Single facts by id, for the region-specific typed views (one SQL statement each). */
import type { SubgraphContext } from './context';
import { BodyEntity, PlanEntity, RegionalFactEntity } from '../orm/entities';
import { readFacts } from './region-resolver';
import type { Body, Plan, RegionalFact } from '@samverkan/contract';

export async function factById(ctx: SubgraphContext, id: string): Promise<RegionalFact | null> {
  return (await readFacts<RegionalFact>(ctx, RegionalFactEntity, { id }))[0] ?? null;
}
export async function bodyById(ctx: SubgraphContext, id: string): Promise<Body | null> {
  return (await readFacts<Body>(ctx, BodyEntity, { id }))[0] ?? null;
}
export async function planById(ctx: SubgraphContext, id: string): Promise<Plan | null> {
  return (await readFacts<Plan>(ctx, PlanEntity, { id }))[0] ?? null;
}
export async function bodiesAtLevel(ctx: SubgraphContext, level: string): Promise<Body[]> {
  return readFacts<Body>(ctx, BodyEntity, { level });
}
