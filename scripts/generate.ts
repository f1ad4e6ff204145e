/** `npm run generate`: writes the files generated from the registry. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { REGIONS } from '@samverkan/shared';
import { regionDocFile, renderRegionDoc } from './lib/region-docs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { COMPOSE_FILE, renderDockerCompose, renderRegionStubs, STUBS_FILE } from './lib/generated';

writeFileSync(join(ROOT, STUBS_FILE), renderRegionStubs());
console.log(`wrote ${STUBS_FILE}`);
writeFileSync(join(ROOT, COMPOSE_FILE), renderDockerCompose());
console.log(`wrote ${COMPOSE_FILE}`);

mkdirSync(join(ROOT, 'docs', 'regions'), { recursive: true });
for (const r of REGIONS) {
  writeFileSync(join(ROOT, regionDocFile(r.code)), renderRegionDoc(r.code));
  console.log(`wrote ${regionDocFile(r.code)}`);
}
