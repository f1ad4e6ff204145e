/** Reading a region's own facts by topic, for the region-specific types each subgraph adds. */
import type { SubgraphContext } from './context';
import { RegionalFactEntity } from '../orm/entities';
import type { RegionalFact } from './types';

export async function regionalFactsByTopic(ctx: SubgraphContext, topic: string): Promise<RegionalFact[]> {
  const rows = await ctx.em.find(RegionalFactEntity, { kind: topic }, { orderBy: { position: 'asc' } });
  return rows.map((r) => r.data);
}
