/**
 * Data is checked where it enters. On a temporary copy (the real files are never edited):
 * - `npm run check-data` exits 1 and names the file, the JSON path and the offending text;
 * - a real Kalmar subgraph process, installed like the container (its dist, its data, docs/sources/
 *   beside it), refuses data with a quote that is not in its document: with nothing loaded before it
 *   does not start; with good data loaded before it starts, keeps serving that, and logs the problem.
 * Kalmar runs on its own port (15702) and schemas (prefix datacheck*), so the test federation is untouched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataFile } from '../contract/src/data/schema';
import { bodiesOf } from './support/data';
import { testPort } from './support/ports';
import { exited, Services } from './support/services';

const root = join(__dirname, '..');
const PORT = testPort(15702);
const PREFIXES = ['datacheck_', 'datacheckfresh_'];
const DATA_FILE = '002_b6f78db4ef6f618f.json';
const services = new Services();

let install = '';
const dataPath = () => join(install, 'subgraphs', 'kalmar', 'data', DATA_FILE);
const readData = () => JSON.parse(readFileSync(dataPath(), 'utf8')) as DataFile;
const writeData = (d: DataFile) => writeFileSync(dataPath(), `${JSON.stringify(d, null, 2)}\n`);
const original = readFileSync(join(root, 'subgraphs', 'kalmar', 'data', DATA_FILE), 'utf8');
/** A quote with one word changed: no longer verbatim from the document. */
const BAD_QUOTE = (quote: string) => quote.replace('politiker', 'tjänstemän');

async function dropSchemas() {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    for (const p of PREFIXES) await client.query(`drop schema if exists "${p}kalmar" cascade`);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // Laid out like the container's /app: the subgraph's dist and data, the source documents, node_modules.
  install = mkdtempSync(join(tmpdir(), 'samverkan-data-check-'));
  for (const part of ['package.json', 'dist', 'data'])
    cpSync(join(root, 'subgraphs', 'kalmar', part), join(install, 'subgraphs', 'kalmar', part), { recursive: true });
  mkdirSync(join(install, 'docs'));
  cpSync(join(root, 'docs', 'sources'), join(install, 'docs', 'sources'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(install, 'node_modules'));
  await dropSchemas();
});

afterAll(async () => {
  await services.stopAll();
  await dropSchemas();
  if (install.startsWith(tmpdir())) rmSync(install, { recursive: true, force: true });
});

function env(prefix: string): NodeJS.ProcessEnv {
  return { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: inject('databaseUrl'), DB_SCHEMA_PREFIX: prefix, KALMAR_PORT: String(PORT), SOURCES_DIR: '' };
}
const kalmarDir = () => join(install, 'subgraphs', 'kalmar');
/** The JSON log lines (pino) of a captured output. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
async function bodyNames(): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ kalmar { bodies { name } } }' }),
  });
  const json = (await res.json()) as { data: { kalmar: { bodies: Array<{ name: string }> } } };
  return json.data.kalmar.bodies.map((b) => b.name);
}

describe('npm run check-data', () => {
  it('passes on the data as committed', () => {
    const r = spawnSync('npm', ['run', '--silent', 'check-data'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('ok    subgraphs/kalmar/data: 1 file');
  }, 120_000);

  it('exits 1 on a bad copy, naming the file, the JSON path and the offending text', () => {
    writeFileSync(dataPath(), original);
    const data = readData();
    const quote = data.bodies[0]!.cadence!.source.quote;
    data.bodies[0]!.cadence!.source.quote = BAD_QUOTE(quote);
    data.bodies[0]!.cadence!.maxPerYear = 3;
    writeData(data);
    const r = spawnSync('npm', ['run', '--silent', 'check-data', '--', join(install, 'subgraphs', 'kalmar', 'data')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 110_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.status, out).toBe(1);
    expect(out).toContain(`${dataPath()}: $.bodies[0].cadence.source.quote: not in 002_b6f78db4ef6f618f.txt: ${JSON.stringify(BAD_QUOTE(quote))}`);
    expect(out).toContain(`${dataPath()}: $.bodies[0].cadence: "Två gånger varje år" normalizes to maxPerYear 2; the data says maxPerYear 3`);
    expect(out).toContain('1 of 1 data folder refused');
    writeFileSync(dataPath(), original);
  }, 120_000);
});

describe('a region subgraph with bad data', () => {
  it('does not start when its schema holds no good data to serve instead', async () => {
    const data = readData();
    data.bodies[0]!.cadence!.source.quote = BAD_QUOTE(data.bodies[0]!.cadence!.source.quote);
    writeData(data);
    const service = services.spawn(kalmarDir(), env('datacheckfresh_'), 'capture');
    expect(await exited(service.child)).toBe(1);
    expect(service.output()).toContain(`${dataPath()}: $.bodies[0].cadence.source.quote: not in 002_b6f78db4ef6f618f.txt`);
    expect(service.output()).toContain(JSON.stringify(data.bodies[0]!.cadence!.source.quote));
    expect(service.output()).toContain('not starting');
    await expect(fetch(`http://127.0.0.1:${PORT}/health`)).rejects.toThrow();
    writeFileSync(dataPath(), original);
  }, 90_000);

  it('keeps serving the last good data in its schema, and says so; good data loads again', async () => {
    const committedNames = bodiesOf('kalmar').map((b) => b.name);
    writeFileSync(dataPath(), original);
    let service = await services.start(kalmarDir(), PORT, env('datacheck_'), { output: 'capture' });
    expect(await bodyNames()).toEqual(committedNames);
    await services.stop(service.child);

    // New data: a body renamed, and a quote that is not in the document.
    const data = readData();
    data.bodies[0]!.name = 'Omdöpt konferens';
    const badQuote = BAD_QUOTE(data.bodies[0]!.cadence!.source.quote);
    data.bodies[0]!.cadence!.source.quote = badQuote;
    writeData(data);
    service = await services.start(kalmarDir(), PORT, env('datacheck_'), { output: 'capture' });
    expect(await bodyNames()).toEqual(committedNames); // the last good data, not the refused file
    const refusal = logLines(service.output()).find((l) => String(l.msg).startsWith('DATA REFUSED'));
    expect(refusal, service.output()).toMatchObject({ level: 50, schema: 'datacheck_kalmar' });
    expect(refusal!.problems).toEqual([`${dataPath()}: $.bodies[0].cadence.source.quote: not in 002_b6f78db4ef6f618f.txt: ${JSON.stringify(badQuote)}`]);
    await services.stop(service.child);

    // The quote put right: the renamed body is loaded.
    data.bodies[0]!.cadence!.source.quote = readData().bodies[0]!.cadence!.source.quote.replace('tjänstemän', 'politiker');
    writeData(data);
    service = await services.start(kalmarDir(), PORT, env('datacheck_'), { output: 'capture' });
    expect(await bodyNames()).toEqual(['Omdöpt konferens', ...committedNames.slice(1)]);
    expect(logLines(service.output()).filter((l) => String(l.msg).startsWith('DATA REFUSED'))).toEqual([]);
    await services.stop(service.child);
  }, 120_000);
});
