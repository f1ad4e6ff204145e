/**
 * `npm run draft:measure`: drafts every source document that has a reviewed data file (the regions of
 * the registry, their data folders) and prints recall and precision per document and per fact kind
 * (definitions in draft/measure.ts and docs/AUTHORING.md, "Measured").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewedDocuments, measureAll, formatTable } from '../draft/corpus';

function main() {
  const root = process.argv[2] ?? process.cwd();
  const docs = reviewedDocuments(root);
  const result = measureAll(docs.map((d) => ({ ...d, text: readFileSync(join(root, 'docs', 'sources', d.file), 'utf8') })));
  process.stdout.write(formatTable(result));
}

main();
