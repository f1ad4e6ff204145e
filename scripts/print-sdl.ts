/**
 * Prints one subgraph's SDL. Runs in its own process: type-graphql's metadata is global, so two
 * subgraphs loaded in one process would see each other's types.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { COMPARISON, regionByCode } from '@samverkan/contract';
import { buildRegionSchema, type RegionSubgraphOptions } from '@samverkan/shared';
import { ROOT } from './lib/paths';

async function sdlOf(code: string): Promise<string> {
  if (code === COMPARISON.code) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildComparisonSchema } = require(join(ROOT, COMPARISON.dir, 'dist', 'subgraph.js')) as { buildComparisonSchema: () => Promise<{ sdl: string }> };
    return (await buildComparisonSchema()).sdl;
  }
  if (!regionByCode(code)) throw new Error(`unknown subgraph "${code}"`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(join(ROOT, 'subgraphs', code, 'dist', 'subgraph.js')) as { subgraph: RegionSubgraphOptions };
  return (await buildRegionSchema(subgraph)).sdl;
}

sdlOf(process.argv[2] ?? '')
  .then((sdl) => process.stdout.write(sdl))
  .catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
