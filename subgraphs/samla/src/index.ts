/** The SAMLA subgraph: its type, its resolvers, its migrations, its data. */
import 'reflect-metadata';
import { join } from 'node:path';
import { runRegionSubgraph } from '@samverkan/shared';
import { migrations } from './migrations';
import { SamlaRegionResolver } from './resolver';

runRegionSubgraph({
  code: 'samla',
  resolvers: [SamlaRegionResolver],
  dataDir: join(__dirname, '..', 'data'),
  migrations,
});
