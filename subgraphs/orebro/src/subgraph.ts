/** The Örebro län subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { OrebroRegionResolver } from './resolver';
import { OrebroStructureLevelResolver } from './levels';

export const subgraph: RegionSubgraphOptions = {
  code: 'orebro',
  resolvers: [OrebroRegionResolver, OrebroStructureLevelResolver],
  dataDir: join(__dirname, '..', 'data'),
  migrations,
};
