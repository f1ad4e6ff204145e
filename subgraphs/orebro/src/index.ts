/** Entry point of the Örebro län subgraph. */
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
