/**
 * `node scripts/dist/seed-memory.js [bodies] [region]`: the peak memory of a region's start on a large
 * synthetic data folder (issue #13), measured three times on one schema: the first load, an unchanged
 * restart, and a restart with one body renamed (writeSyntheticRegion's `variant`). Prints each start's
 * peak RSS (VmHWM of /proc/<pid>/status), its time to /health, and the history entries it recorded.
 *
 * `--no-cap`: without the regions' V8 heap cap (REGION_NODE_OPTIONS), to see what the load itself needs.
 *
 * Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), SEED_MEMORY_PORT (default 24001),
 * DB_SCHEMA_PREFIX (default seedmem_; the schema is dropped before and after), SERVICE_NODE_FLAGS
 * (node flags for the region, e.g. --heap-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { portVar, REGIONS } from '@samverkan/contract';
import { spawnService, stopChild, waitForHealth } from './lib/federation';
import { ROOT } from './lib/paths';
import { ToolsSchema } from './lib/start-config';
import { writeSyntheticRegion } from './lib/synthetic';

const noCap = process.argv.includes('--no-cap');
const args = process.argv.slice(2).filter((a) => a !== '--no-cap');
const bodies = Number(args[0] ?? 50_000);
const code = args[1] ?? REGIONS[0]!.code;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const port = ToolsSchema.parse(process.env).SEED_MEMORY_PORT;
const prefix = process.env.DB_SCHEMA_PREFIX ?? 'seedmem_';
const dir = join(ROOT, '.data', 'seed-memory', String(bodies), code);

const kib = (status: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function start(label: string, variant: string): Promise<void> {
  writeSyntheticRegion(dir, bodies, variant);
  const began = Date.now();
  const env = { ...process.env, DATA_DIR: dir, DB_SCHEMA_PREFIX: prefix, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', [portVar(code)]: String(port) };
  let child: ChildProcess;
  if (noCap) {
    child = spawn(process.execPath, [join(ROOT, 'subgraphs', code, 'dist', 'index.js')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, 600_000);
  } else {
    child = await spawnService(`subgraphs/${code}`, port, env, 'inherit', 600_000);
  }
  const seconds = (Date.now() - began) / 1000;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  await stopChild(child);
  const [changes] = await sql<{ n: number; kinds: string | null }>(
    `select count(*)::int as n, string_agg(distinct change, ',') as kinds from "${prefix}${code}".data_change`,
  );
  console.log(
    `${label.padEnd(22)} peak RSS ${(kib(status, 'VmHWM') / 1024).toFixed(0)} MB, RSS at /health ${(kib(status, 'VmRSS') / 1024).toFixed(0)} MB, ` +
      `start ${seconds.toFixed(1)} s, history entries so far ${changes!.n} (${changes!.kinds})`,
  );
}

async function main() {
  await sql(`drop schema if exists "${prefix}${code}" cascade`);
  try {
    console.log(`${code}: ${bodies} synthetic bodies in ${dir}${noCap ? ', without the heap cap' : ''}`);
    await start('first load', '');
    await start('unchanged restart', '');
    await start('one body renamed', 'renamed');
  } finally {
    await sql(`drop schema if exists "${prefix}${code}" cascade`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
