/** Entry point of the Kalmar län subgraph. */
// First: tracing (when configured) must be set up before the modules it instruments load.
import '@samverkan/shared/tracing';
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
