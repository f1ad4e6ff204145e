/** The SAMLA (Lerum–Alingsås) subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { SamlaRegionResolver } from './resolver';

export const subgraph: RegionSubgraphOptions = { code: 'samla', resolvers: [SamlaRegionResolver], dataDir: join(__dirname, '..', 'data'), migrations };
