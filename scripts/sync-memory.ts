/**
 * The comparison's sync memory, measured: synthetic regions of N bodies each (scripts/lib/synthetic.ts),
 * served by the first K regions of the registry from data folders under .data/, and a comparison syncing
 * them from an empty read model. Prints each process's peak RSS (VmHWM) once the comparison holds the
 * copies, and how long the sync took. Each region is restarted after it seeded (on unchanged data it
 * writes nothing) and its peak reset (/proc/<pid>/clear_refs), so its figure is what serving the sync
 * costs above what it held then, not the seeding's.
 *
 *   node scripts/dist/sync-memory.js [bodies=50000] [regions=1]
 *   env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), SYNC_MEMORY_PORT (first of the
 *   ports: regions, then the comparison; default 20001), DB_SCHEMA_PREFIX (default sync_memory_),
 *   SYNC_PAGE_SIZE (passed to the comparison), COMPARISON_NODE_OPTIONS (the comparison's NODE_OPTIONS only, its
 *   --max-old-space-size replacing the registry's cap,
 *   e.g. --max-old-space-size=1024)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { COMPARISON, portVar, REGIONS, urlVar } from '@samverkan/contract';
import { spawnService, stopChild } from './lib/federation';
import { writeSyntheticRegion } from './lib/synthetic';
import { ROOT } from './lib/paths';
import { ToolsSchema } from './lib/start-config';

const BODIES = Number(process.argv[2] ?? 50_000);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PREFIX = process.env.DB_SCHEMA_PREFIX ?? 'sync_memory_';
const PORT = ToolsSchema.parse(process.env).SYNC_MEMORY_PORT;
const COUNT = Number(process.argv[3] ?? 1);
const SYNCED = REGIONS.slice(0, COUNT);

/** Peak and current resident set of a process, in MB (Linux /proc). */
function memory(pid: number | undefined): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

async function dropSchemas(): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [PREFIX]);
    for (const r of rows) await client.query(`drop schema "${r.nspname.replace(/"/g, '""')}" cascade`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(BODIES) || BODIES < 1) throw new Error(`bodies must be a positive integer, got ${process.argv[2]}`);
  if (!Number.isInteger(COUNT) || COUNT < 1 || COUNT > REGIONS.length) throw new Error(`regions must be 1-${REGIONS.length}, got ${process.argv[3]}`);
  const dir = join(ROOT, '.data', 'sync-memory', String(BODIES));
  writeSyntheticRegion(dir, BODIES);
  await dropSchemas();
  const regionPort = (i: number) => PORT + i;
  const comparisonPort = PORT + REGIONS.length;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL,
    DB_SCHEMA_PREFIX: PREFIX,
    SYNC_TIMEOUT_MS: '600000',
    // Regions not started are unreachable: the comparison syncs the others.
    ...Object.fromEntries(REGIONS.map((r, i) => [urlVar(r.code), `http://127.0.0.1:${regionPort(i)}/graphql`])),
  };
  const children: ChildProcess[] = [];
  try {
    const regions: ChildProcess[] = [];
    const startRegion = (i: number) =>
      spawnService(
        `subgraphs/${SYNCED[i]!.code}`,
        regionPort(i),
        { ...env, [portVar(SYNCED[i]!.code)]: String(regionPort(i)), DATA_DIR: dir },
        'inherit',
        1_800_000,
        (c) => children.push(c),
      );
    for (const [i, r] of SYNCED.entries()) {
      const started = Date.now();
      const seeded = await startRegion(i);
      console.log(`region ${r.code} seeded ${BODIES} bodies in ${Math.round((Date.now() - started) / 1000)} s; ${JSON.stringify(memory(seeded.pid))}`);
      // Restarted on its seeded schema (same data: nothing is written), so its figure is not the seeding's.
      await stopChild(seeded);
      const child = await startRegion(i);
      console.log(`region ${r.code} restarted on its seeded data; ${JSON.stringify(memory(child.pid))}`);
      regions.push(child);
    }
    // What a start on unchanged data costs is not the sync's either: reset the peaks.
    for (const r of regions) {
      try {
        writeFileSync(`/proc/${r.pid}/clear_refs`, '5');
      } catch {
        /* not permitted: the peak includes the start */
      }
    }
    const started = Date.now();
    // The comparison serves after START_SYNC_WAIT_MS at most; its sync goes on: wait until it holds every region.
    const comparisonEnv = { ...env, [portVar(COMPARISON.code)]: String(comparisonPort), NODE_OPTIONS: process.env.COMPARISON_NODE_OPTIONS ?? env.NODE_OPTIONS };
    const comparison = await spawnService(`subgraphs/${COMPARISON.code}`, comparisonPort, comparisonEnv, 'inherit', 1_800_000, (c) => children.push(c));
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    const held = async () =>
      (
        await client.query(
          `select (select count(*) from "${PREFIX}comparison".body)::int as bodies, (select count(*) from "${PREFIX}comparison".region_sync)::int as synced`,
        )
      ).rows[0] as { bodies: number; synced: number };
    let rows = [await held()];
    while (rows[0]!.synced < COUNT && comparison.exitCode === null && comparison.signalCode === null) {
      await new Promise((r) => setTimeout(r, 500));
      rows = [await held()];
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    await client.end();
    console.log(
      JSON.stringify({
        bodiesPerRegion: BODIES,
        regionCount: COUNT,
        pageSize: process.env.SYNC_PAGE_SIZE ?? 'default',
        comparisonNodeOptions: comparisonEnv.NODE_OPTIONS ?? null,
        syncSeconds: seconds,
        heldBodies: rows[0]!.bodies,
        syncedRegions: rows[0]!.synced,
        comparison: memory(comparison.pid),
        regions: Object.fromEntries(SYNCED.map((r, i) => [r.code, memory(regions[i]!.pid)])),
      }),
    );
  } finally {
    await Promise.all(children.map((c) => stopChild(c)));
    await dropSchemas();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
