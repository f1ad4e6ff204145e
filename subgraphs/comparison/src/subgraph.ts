/** The comparison subgraph: the region registry, the Landscape and its aggregates over its read model. */
import { buildFederatedSchema } from '@samverkan/shared';
import { REGION_OWNED_STUBS, REGION_STUBS } from './generated/region-stubs';
import { LANDSCAPE_ID, LandscapeResolver } from './api/resolver';
import { FreshnessDocumentsResolver, FreshnessResolver } from './api/freshness';
import { HistoryResolver } from './api/history';
import { ComparedBodyJoin, ComparedRoleJoin, FrequencyRowJoin } from './api/joins';
import { SearchHitJoin, SearchResolver } from './api/search';
import type { Landscape } from './api/landscape';

export function buildComparisonSchema() {
  return buildFederatedSchema({
    resolvers: [
      LandscapeResolver,
      FreshnessResolver,
      FreshnessDocumentsResolver,
      HistoryResolver,
      ComparedBodyJoin,
      FrequencyRowJoin,
      ComparedRoleJoin,
      SearchResolver,
      SearchHitJoin,
    ],
    orphanedTypes: [...Object.values(REGION_STUBS), ...REGION_OWNED_STUBS],
    referenceResolvers: { Landscape: { __resolveReference: (ref: Landscape) => (ref.id === LANDSCAPE_ID ? ref : null) } },
  });
}
