/**
 * `npm run schema:check`: composes the subgraphs as the code is now and diffs the resulting API
 * schema with the committed gateway/supergraph.graphql. Breaking changes fail unless acknowledged in
 * schema-changes.json. Composition errors fail too. Exit code 0: safe to ship.
 *
 * `--against <gateway URL or supergraph file>`: checks the subgraphs as they RUN now (their SDL over
 * HTTP, lib/running-check.ts) against the supergraph that gateway uses: run it after deploying a
 * subgraph and before publishing a new supergraph. Breaking here means the gateway would plan for
 * something no running subgraph serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { composeSupergraph, SUPERGRAPH_FILE } from './lib/supergraph';
import { checkSchemaChanges, formatReport, readSchemaChanges } from './lib/schema-check';
import { composeRunning, supergraphInUse } from './lib/running-check';

async function main() {
  const at = process.argv.indexOf('--against');
  if (at >= 0) {
    const against = process.argv[at + 1];
    if (!against) throw new Error('--against needs a gateway URL or a supergraph file');
    const result = await checkSchemaChanges(await supergraphInUse(against), await composeRunning(), []);
    console.log(formatReport(result).replace(/^Schema check:/, `Running subgraphs against the supergraph in use (${against}):`));
    if (result.breaking.length) {
      console.error(
        '\nNot safe: the supergraph in use plans for what the running subgraphs no longer serve. Roll the supergraph out without it first (removals: gateway first), or redeploy the subgraph that served it.',
      );
      process.exit(1);
    }
    console.log('\nSafe: the running subgraphs compose and serve everything the supergraph in use plans for.');
    return;
  }
  const { supergraph } = await composeSupergraph();
  const committed = readFileSync(join(ROOT, SUPERGRAPH_FILE), 'utf8');
  const result = await checkSchemaChanges(committed, supergraph, readSchemaChanges().acknowledged);
  console.log(formatReport(result));
  if (result.unacknowledged.length) process.exit(1);
  if (supergraph !== committed) console.log(`\nNote: ${SUPERGRAPH_FILE} is not current: run \`npm run compose\` and commit it.`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
