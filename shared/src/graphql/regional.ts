/** Reading a region's own facts by topic, for the region-specific types each subgraph adds. */
import type { SubgraphContext } from './context';
import { RegionalFactEntity } from '../orm/entities';
import { readFacts } from './region-resolver';
import type { RegionalFact } from '@samverkan/contract';

export function regionalFactsByTopic(ctx: SubgraphContext, topic: string): Promise<RegionalFact[]> {
  return readFacts(ctx, RegionalFactEntity, { kind: topic });
}
