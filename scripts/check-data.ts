/**
 * `npm run check-data [-- <data folder>...]`: the checks a region subgraph runs before it loads its
 * data (contract/src/data/load.ts: checkRegionData), without a database: schema, ids and references,
 * every quote and section heading in its source document, cadence numbers as the frequency normalizer
 * reads their text. Every problem names the data file, the JSON path and the offending text.
 *
 * With no argument: every registered region's subgraphs/<code>/data/. The source documents are the
 * nearest docs/sources/ at or above each folder, or SOURCES_DIR. Exit 0: every file may be loaded;
 * 1: a problem (listed); 2: a folder that does not exist.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRegionData, displayPath, REGIONS } from '@samverkan/contract';
import { ROOT } from './lib/paths';

const args = process.argv.slice(2);
const dirs = args.length ? args.map((a) => resolve(a)) : REGIONS.map((r) => join(ROOT, 'subgraphs', r.code, 'data'));
const missing = dirs.filter((d) => !existsSync(d));
if (missing.length) {
  console.error(`check-data: no such folder: ${missing.join(', ')}\nusage: npm run check-data [-- <data folder>...]`);
  process.exit(2);
}

let failed = 0;
for (const dir of dirs) {
  const { files, problems, sourcesDir } = checkRegionData(dir);
  if (problems.length === 0) {
    console.log(`ok    ${displayPath(dir)}: ${files.length} file${files.length === 1 ? '' : 's'}, checked against ${displayPath(sourcesDir!)}`);
    continue;
  }
  failed++;
  console.error(`FAIL  ${displayPath(dir)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const p of problems) console.error(`  - ${p}`);
}
if (failed) {
  console.error(`\ncheck-data: ${failed} of ${dirs.length} data folder${dirs.length === 1 ? '' : 's'} refused; a subgraph will not load them.`);
  process.exit(1);
}
