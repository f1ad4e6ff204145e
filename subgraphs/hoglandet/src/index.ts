/** Entry point of the Höglandet subgraph. */
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
