/**
 * `npm run generate`: writes the files generated from the registry and the data. First it runs the
 * data checks a subgraph runs before loading (`npm run check-data`): on any problem it writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { checkRegionData, REGIONS } from '@samverkan/contract';
import { regionDocFile, renderRegionDoc } from './lib/region-docs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { DATA_FILES_DOC, renderDataFilesDoc } from './lib/docs-data-files';
import { CONFIGURATION_FILE, ENV_EXAMPLE_FILE, renderConfigurationDoc, renderEnvExample } from './lib/docs-config';
import {
  CODEOWNERS_FILE,
  COMPOSE_FILE,
  DATA_SCHEMA_FILE,
  K8S_DIR,
  renderCodeowners,
  renderDataFileSchema,
  renderDockerCompose,
  renderKubernetes,
  renderRegionStubs,
  STUBS_FILE,
} from './lib/generated';

const problems = REGIONS.flatMap((r) => checkRegionData(join(ROOT, 'subgraphs', r.code, 'data')).problems);
if (problems.length) {
  console.error(`generate: the data has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`checked the data of ${REGIONS.length} regions`);

for (const [file, text] of [
  [CONFIGURATION_FILE, renderConfigurationDoc()],
  [ENV_EXAMPLE_FILE, renderEnvExample()],
] as const) {
  writeFileSync(join(ROOT, file), text);
  console.log(`wrote ${file}`);
}
writeFileSync(join(ROOT, DATA_SCHEMA_FILE), renderDataFileSchema());
console.log(`wrote ${DATA_SCHEMA_FILE}`);
writeFileSync(join(ROOT, DATA_FILES_DOC), renderDataFilesDoc());
console.log(`wrote ${DATA_FILES_DOC}`);
writeFileSync(join(ROOT, STUBS_FILE), renderRegionStubs());
console.log(`wrote ${STUBS_FILE}`);
writeFileSync(join(ROOT, COMPOSE_FILE), renderDockerCompose());
console.log(`wrote ${COMPOSE_FILE}`);
writeFileSync(join(ROOT, CODEOWNERS_FILE), renderCodeowners());
console.log(`wrote ${CODEOWNERS_FILE}`);

// deploy/k8s/: every manifest, and no stale one (a removed region's) left behind.
const k8s = renderKubernetes();
mkdirSync(join(ROOT, K8S_DIR), { recursive: true });
for (const name of readdirSync(join(ROOT, K8S_DIR))) {
  const file = join(ROOT, K8S_DIR, name);
  if (!(name in k8s) && name.endsWith('.yaml') && readFileSync(file, 'utf8').startsWith('# GENERATED')) {
    rmSync(file);
    console.log(`removed ${K8S_DIR}/${name}`);
  }
}
for (const [name, text] of Object.entries(k8s)) {
  const file = join(ROOT, K8S_DIR, name);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  console.log(`wrote ${K8S_DIR}/${name}`);
}

mkdirSync(join(ROOT, 'docs', 'regions'), { recursive: true });
for (const r of REGIONS) {
  writeFileSync(join(ROOT, regionDocFile(r.code)), renderRegionDoc(r.code));
  console.log(`wrote ${regionDocFile(r.code)}`);
}
