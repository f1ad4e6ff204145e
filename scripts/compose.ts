/**
 * `npm run compose`: writes every subgraph's SDL snapshot and the composed supergraph, then the
 * typed-field lists of the region READMEs (from the snapshots). Refuses to
 * overwrite the supergraph when the new API schema breaks the committed one and the break is not
 * acknowledged in schema-changes.json (see `npm run schema:check`).
 *
 * `--accept-removed-region <code>` (used by `npm run new-region -- --remove`) lets the removal of
 * that one region's type and root field through; any other break still stops it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { composeSupergraph, sdlFile, SUPERGRAPH_FILE } from './lib/supergraph';
import { checkSchemaChanges, formatReport, readSchemaChanges, removesRegion } from './lib/schema-check';
import { regionTypename } from './lib/scaffold';
import { regionReadmeFile, withTypedFields } from './lib/docs-region-fields';
import { REGIONS } from '@samverkan/shared';

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--accept-removed-region');
  const removed = at >= 0 ? args[at + 1] : undefined;
  const { supergraph, sdls } = await composeSupergraph();

  const committedFile = join(ROOT, SUPERGRAPH_FILE);
  if (existsSync(committedFile)) {
    const ignore = removed ? removesRegion(removed, regionTypename(removed)) : undefined;
    const result = await checkSchemaChanges(readFileSync(committedFile, 'utf8'), supergraph, readSchemaChanges().acknowledged, ignore);
    if (result.changes.length) console.log(formatReport(result));
    if (result.unacknowledged.length) {
      console.error(`\nnpm run compose: not writing ${SUPERGRAPH_FILE} (nor the SDL snapshots): unacknowledged breaking changes.`);
      process.exit(1);
    }
  }

  for (const { dir, sdl } of sdls) {
    writeFileSync(join(ROOT, sdlFile(dir)), sdl);
    console.log(`wrote ${sdlFile(dir)}`);
  }
  writeFileSync(committedFile, supergraph);
  console.log(`wrote ${SUPERGRAPH_FILE}`);
  // The region READMEs' typed-field lists come from the snapshots just written.
  for (const r of REGIONS) {
    const file = join(ROOT, regionReadmeFile(r.code));
    if (!existsSync(file)) continue;
    writeFileSync(file, withTypedFields(r.code, readFileSync(file, 'utf8')));
    console.log(`wrote the typed fields of ${regionReadmeFile(r.code)}`);
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
