/**
 * `npm run draft -- --source <file> --out <file.json>`: ingests a document (any path), drafts its data
 * file and writes it pretty-printed (keys in the schema's order, so two drafts of one text are equal
 * byte for byte). `file` names the source's text file as ingest names it in docs/sources/. Prints proposals per kind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ingestFile, readOrigin } from '../ingest';
import { textFileName } from '../ingest/naming';
import { SOURCES_DIR } from './support';
import { draftDocument } from '../draft';
import { FACT_KINDS, factsOf } from '../draft/measure';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const source = arg('source');
  const out = arg('out');
  if (!source || !out) {
    process.stderr.write('usage: npm run draft -- --source <document> --out <draft.json>\n');
    return 2;
  }
  let ingested;
  try {
    ingested = await ingestFile(resolve(source));
  } catch (e) {
    process.stderr.write(`draft: cannot read ${source}: ${(e as Error).message}\n`);
    return 1;
  }
  // The name `npm run ingest` and `npm run new-region -- --source` give the document in docs/sources/.
  const fileName = textFileName(source, SOURCES_DIR);
  const started = Date.now();
  let data;
  try {
    // A text written by `npm run ingest` names its original (PDF, DOCX, HTML) in its .origin.json: that is the origin.
    data = draftDocument(ingested.text, { fileName, origin: readOrigin(resolve(source)) ?? ingested.origin });
  } catch (e) {
    process.stderr.write(`draft: ${source}: ${(e as Error).message}\n`);
    return 1;
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), `${JSON.stringify(data, null, 2)}\n`);
  const counts = new Map<string, number>(FACT_KINDS.map((k) => [k, 0]));
  for (const f of factsOf(data)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  process.stdout.write(`drafted ${source} -> ${out} in ${Date.now() - started} ms (file: ${fileName})\n`);
  for (const [kind, n] of counts) process.stdout.write(`  ${kind.padEnd(12)} ${n}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`draft: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
