/** `npm run generate`: writes the files generated from the registry. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { COMPOSE_FILE, renderDockerCompose, renderRegionStubs, STUBS_FILE } from './lib/generated';

writeFileSync(join(ROOT, STUBS_FILE), renderRegionStubs());
console.log(`wrote ${STUBS_FILE}`);
writeFileSync(join(ROOT, COMPOSE_FILE), renderDockerCompose());
console.log(`wrote ${COMPOSE_FILE}`);
