/**
 * `npm run revise -- --region <code> --source <new file> [--document <id or file name>] [--report <file.json>]`:
 * a new version of one of a region's documents. Ingests it, aligns it with the old text, writes the
 * new text over docs/sources/<file>, the data file with only the facts carried over and the new
 * origin, and the report (JSON, default subgraphs/<code>/revise/<data file>.json); prints the report
 * as Markdown. All three files are written, or none. Bad input exits 1, a wrong command line 2.
 */
import { draftDocument } from '../draft';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type DataFile, DataFileSchema, regionByCode, REGIONS } from '@samverkan/contract';
import { ingestFile, originOf } from '../ingest';
import { revise } from '../revise';
import { reportMarkdown } from '../revise/report';
import { ROOT, run, SOURCES_DIR, UsageError, writeAll } from './support';

const USAGE = `usage: npm run revise -- --region <code> --source <new file> [--document <id or file name>] [--report <file.json>]
  --region    ${REGIONS.map((r) => r.code).join(', ')}
  --source    the new version (.pdf, .docx, .html, .htm, .txt)
  --document  which of the region's documents it replaces (its id, text file or data file); needed when the region has several
  --report    where the report JSON goes (default subgraphs/<region>/revise/<data file>.json)`;

interface Loaded {
  name: string;
  path: string;
  data: DataFile;
}

function readDataFiles(dir: string): Loaded[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const parsed = DataFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`${relative(ROOT, path)}: not a valid data file (npm run check-data says why)`);
      return { name, path, data: parsed.data };
    });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { region: { type: 'string' }, source: { type: 'string' }, document: { type: 'string' }, report: { type: 'string' } },
  });
  if (!values.region || !values.source) throw new UsageError('--region and --source are needed');
  const region = regionByCode(values.region);
  if (!region) throw new UsageError(`unknown region "${values.region}"`);
  const dataDir = join(ROOT, 'subgraphs', region.code, 'data');
  if (!existsSync(dataDir)) throw new UsageError(`no ${relative(ROOT, dataDir)} here: run it from the repository's root (npm run does)`);
  const files = readDataFiles(dataDir);
  const wanted = values.document;
  const matches = wanted === undefined ? files : files.filter((f) => [f.data.document.id, f.data.file, f.name, f.name.replace(/\.json$/, '')].includes(wanted));
  if (matches.length !== 1) {
    const list = files.map((f) => `${f.data.document.id} (${f.data.file})`).join(', ');
    throw new UsageError(
      wanted === undefined
        ? `${region.code} has ${files.length} documents: say which with --document (${list})`
        : `${region.code} has no document "${wanted}" (${list})`,
    );
  }
  const target = matches[0]!;
  const textPath = join(SOURCES_DIR, target.data.file);
  if (!existsSync(textPath)) throw new Error(`${relative(ROOT, textPath)}: the old text is missing`);
  const ingested = await ingestFile(values.source);
  const readDocument = (file: string) => (existsSync(join(SOURCES_DIR, file)) ? readFileSync(join(SOURCES_DIR, file), 'utf8') : undefined);
  const { data, report } = revise({
    region: region.code,
    data: target.data,
    oldText: readFileSync(textPath, 'utf8'),
    newText: ingested.text,
    origin: originOf(ingested),
    otherFiles: files.filter((f) => f !== target).map((f) => f.data),
    readDocument,
    draft: draftDocument,
  });
  const reportPath = values.report ?? join(ROOT, 'subgraphs', region.code, 'revise', target.name);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeAll([
    [textPath, ingested.text],
    [target.path, `${JSON.stringify(data, null, 2)}\n`],
    [reportPath, `${JSON.stringify(report, null, 2)}\n`],
  ]);
  process.stdout.write(
    reportMarkdown(report, { text: relative(ROOT, textPath), data: relative(ROOT, target.path), report: relative(ROOT, reportPath) || reportPath }),
  );
}

if (require.main === module) run(main, USAGE);
