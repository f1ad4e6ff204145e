/** `npm run compose`: writes every subgraph's SDL snapshot and the composed supergraph. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { composeSupergraph, sdlFile, SUPERGRAPH_FILE } from './lib/supergraph';

composeSupergraph()
  .then(({ supergraph, sdls }) => {
    for (const { dir, sdl } of sdls) {
      writeFileSync(join(ROOT, sdlFile(dir)), sdl);
      console.log(`wrote ${sdlFile(dir)}`);
    }
    writeFileSync(join(ROOT, SUPERGRAPH_FILE), supergraph);
    console.log(`wrote ${SUPERGRAPH_FILE}`);
  })
  .catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
