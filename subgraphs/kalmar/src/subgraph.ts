/** The Kalmar län subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { KalmarBodyResolver } from './body';
import { KalmarRegionResolver } from './resolver';

export const subgraph: RegionSubgraphOptions = {
  code: 'kalmar',
  resolvers: [KalmarRegionResolver, KalmarBodyResolver],
  dataDir: join(__dirname, '..', 'data'),
  migrations,
};
