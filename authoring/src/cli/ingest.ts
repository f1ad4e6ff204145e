/**
 * `npm run ingest -- <file> [--out <file.txt>] [--force]`: a document (PDF, DOCX, HTML, text) to the
 * normalized text, written to --out (default docs/sources/<name>.txt; "-" prints it) with the origin
 * and what ingest changed or dropped beside it in <out>.origin.json. A summary goes to stdout. Bad input:
 * a message naming the file and the reason, exit 1, nothing written. A wrong command line: exit 2.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile, type Ingested, sidecarPath } from '../ingest';
import { sidecarContent, textFileName } from '../ingest/naming';
import { ROOT, run, SOURCES_DIR, UsageError, writeAll } from './support';

const USAGE = `usage: npm run ingest -- <file.pdf|.docx|.html|.htm|.txt> [--out <file.txt>] [--force]
  --out    where the text goes (default docs/sources/<name>.txt); "-" prints it to stdout
  --force  replace an existing output file`;

/** One paragraph on what was read, for the terminal. */
export function summary(i: Ingested, out: string): string {
  const d = i.dropped;
  const lines = [
    `${i.origin.fileName} (${i.origin.mediaType}${i.pages === null ? '' : `, ${i.pages} pages`}, sha256 ${i.origin.sha256.slice(0, 12)}) -> ${out}: ${i.text.length} characters, ${i.text.split('\n').length - 1} lines`,
    `dropped: ${d.headersFooters.length} header/footer lines, ${d.pageNumbers} page numbers, ${d.tableOfContents.length} table-of-contents lines`,
    `line-end hyphens: ${i.hyphenBreaks.length}${i.hyphenBreaks.map((c) => `\n  page ${c.page}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join('')}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one file at a time' : 'which file?');
  const file = positionals[0]!;
  if (values.out === undefined && !existsSync(SOURCES_DIR))
    throw new UsageError("no docs/sources here: run it from the repository's root (npm run does), or give --out");
  const out = values.out ?? join(SOURCES_DIR, textFileName(file, SOURCES_DIR));
  if (out !== '-' && !out.endsWith('.txt')) throw new UsageError(`--out must name a .txt file: ${out}`);
  if (out !== '-' && !values.force) {
    for (const path of [out, sidecarPath(out)]) if (existsSync(path)) throw new Error(`${relative(ROOT, path) || path} exists; --force replaces it`);
  }
  const ingested = await ingestFile(file);
  if (out === '-') {
    process.stdout.write(ingested.text);
    process.stderr.write(summary(ingested, 'stdout'));
    return;
  }
  writeAll([
    [out, ingested.text],
    [sidecarPath(out), sidecarContent(ingested)],
  ]);
  process.stdout.write(summary(ingested, out));
  process.stdout.write(`origin: ${sidecarPath(out)}\n`);
}

if (require.main === module) run(main, USAGE);
