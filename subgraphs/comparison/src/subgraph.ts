/** The comparison subgraph: the region registry, the Landscape and its aggregates. No database of its own. */
import { buildFederatedSchema } from '@samverkan/shared';
import { REGION_STUBS } from './generated/region-stubs';
import { LANDSCAPE_ID, LandscapeResolver } from './resolver';
import { FreshnessResolver } from './read-model/freshness';
import type { Landscape } from './landscape';

export function buildComparisonSchema() {
  return buildFederatedSchema({
    resolvers: [LandscapeResolver, FreshnessResolver],
    orphanedTypes: Object.values(REGION_STUBS),
    referenceResolvers: {
      Landscape: { __resolveReference: (ref: Landscape) => (ref.id === LANDSCAPE_ID ? ref : null) },
    },
  });
}
