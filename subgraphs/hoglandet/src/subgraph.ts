/** The Höglandet subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { HoglandetRegionResolver } from './resolver';

export const subgraph: RegionSubgraphOptions = { code: 'hoglandet', resolvers: [HoglandetRegionResolver], dataDir: join(__dirname, '..', 'data'), migrations };
