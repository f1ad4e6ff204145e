/** Entry point of the SAMLA (Lerum–Alingsås) subgraph. */
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
