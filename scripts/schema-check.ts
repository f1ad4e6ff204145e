/**
 * `npm run schema:check`: composes the subgraphs as the code is now and diffs the resulting API
 * schema with the committed gateway/supergraph.graphql. Breaking changes fail unless acknowledged in
 * schema-changes.json. Composition errors fail too. Exit code 0: safe to ship.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { composeSupergraph, SUPERGRAPH_FILE } from './lib/supergraph';
import { checkSchemaChanges, formatReport, readSchemaChanges } from './lib/schema-check';

async function main() {
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
