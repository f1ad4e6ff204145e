/**
 * `npm run review -- --region <code> [--draft <file.json>] [--document <name>] [--port N]`: the review
 * page for a region's team, on http://127.0.0.1:<port>/ (4010 by default). It opens a draft (the draft
 * stage's output) or, without one, the region's data file, and saves to subgraphs/<code>/data/<document>.json,
 * then asks this checkout's running `npm start` to restart the region. `--data-dir` reviews another
 * folder (a copy; nothing is restarted then unless `--run-dir` names a federation's .data/run).
 * See docs/AUTHORING.md, "Review".
 */
import { REVIEW_DEFAULT_PORT } from '../review/port';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findSourcesDir, regionByCode, REGIONS } from '@samverkan/contract';
import { inSchemaOrder } from '../review/format';
import { liftDraftMarks, type Json } from '../review/model';
import { ensurePage } from '../review/page-build';
import { createReviewServer } from '../review/server';

const ROOT = join(__dirname, '..', '..', '..');
const USAGE = 'usage: npm run review -- --region <code> [--draft <file.json>] [--document <name>] [--port N] [--data-dir <dir> [--run-dir <dir>]]';

function fail(message: string): never {
  console.error(`review: ${message}\n${USAGE}`);
  process.exit(2);
}

function readJson(path: string): Json {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as Json).file !== 'string') throw new Error('not a data file (no "file")');
    return value as Json;
  } catch (e) {
    return fail(`${path}: ${(e as Error).message}`);
  }
}

/** Asks a running `npm start` of this checkout to restart the region (scripts/lib/restart-requests.ts). */
function restarter(region: string, runDir: string): () => Promise<string> {
  return async () => {
    if (!existsSync(join(runDir, 'restart'))) return 'no npm start is running in this checkout';
    // The scripts' own client of the protocol, from their build (a script, not a package authoring depends on).
    const { requestRestarts } = (await import(join(ROOT, 'scripts', 'dist', 'lib', 'restart-requests.js'))) as {
      requestRestarts: (dir: string, codes: string[], timeoutMs?: number) => Promise<Map<string, string>>;
    };
    try {
      const answer = (await requestRestarts(runDir, [region], 60_000)).get(region);
      return answer === 'ok' ? `${region} restarted` : `${region} did not restart: ${answer}`;
    } catch (e) {
      return (e as Error).message;
    }
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      draft: { type: 'string' },
      document: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'run-dir': { type: 'string' },
    },
  });
  const region = regionByCode(values.region ?? '') ?? fail(`--region must be one of ${REGIONS.map((r) => r.code).join(', ')}`);
  const port = Number(values.port ?? REVIEW_DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  const repositoryData = join(ROOT, 'subgraphs', region.code, 'data');
  const dataDir = resolve(values['data-dir'] ?? repositoryData);
  if (!existsSync(dataDir)) fail(`no data folder ${dataDir}`);

  let data: Json;
  let origin: string;
  if (values.draft) {
    data = liftDraftMarks(inSchemaOrder(readJson(resolve(values.draft))) as Json);
    origin = `draft ${basename(values.draft)}`;
  } else {
    const names = readdirSync(dataDir)
      .filter((n) => n.endsWith('.json'))
      .sort();
    const wanted = values.document?.replace(/\.(txt|json)$/, '');
    const name = wanted ? names.find((n) => n === `${wanted}.json`) : names.length === 1 ? names[0] : undefined;
    if (!name) fail(wanted ? `no ${wanted}.json in ${dataDir}` : `${dataDir} has ${names.length} data files (${names.join(', ')}): choose one with --document`);
    // A region scaffolded from a draft (new-region --data) keeps its proposals' marks until they are accepted.
    data = liftDraftMarks(readJson(join(dataDir, name)));
    origin = name;
  }
  const file = String(data.file);
  if (!/^[\w.-]+\.txt$/.test(file)) fail(`"file" must name a document in docs/sources (<name>.txt), got ${JSON.stringify(file)}`);
  const sourcesDir = findSourcesDir(dataDir) ?? fail(`no docs/sources at or above ${dataDir}, and SOURCES_DIR is not set`);
  const documentPath = join(sourcesDir, file);
  if (!existsSync(documentPath)) fail(`the document ${file} is not in ${sourcesDir}`);

  const pageDir = await ensurePage((m) => console.log(m));
  const server = createReviewServer({
    region: region.code,
    regionName: region.name,
    dataDir,
    name: file.replace(/\.txt$/, '.json'),
    sourcesDir,
    data,
    origin,
    documentText: readFileSync(documentPath, 'utf8'),
    pageDir,
    // Only the repository's own data folder is what this checkout's `npm start` serves (--run-dir names another's).
    restart: values['run-dir']
      ? restarter(region.code, resolve(values['run-dir']))
      : dataDir === repositoryData
        ? restarter(region.code, join(ROOT, '.data', 'run'))
        : undefined,
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`review: ${region.name}, ${origin}: http://127.0.0.1:${port}/ (Ctrl-C stops)`);
  });
  server.on('error', (e) => fail((e as Error).message));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`review: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
