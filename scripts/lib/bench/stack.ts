/**
 * The services of one benchmark scale, on loopback ports 16000-16999 (moved by BENCH_PORT_OFFSET): four regions, each serving its
 * own synthetic data (DATA_DIR) in its own schemas (DB_SCHEMA_PREFIX per scale), the comparison, our
 * gateway with the response cache off and on, and on request Hive Gateway (caches off, and with its
 * response cache) and the ceiling. The last region is started after the comparison, to time its sync.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { checkRegionData, portVar, REGIONS, urlVar } from '@samverkan/contract';
import { spawnService, stopChild, waitForHealth } from '../federation';
import { ROOT } from '../paths';
import { writeSyntheticRegion } from '../synthetic';
import { waitFor } from './measure';

/** BENCH_PORT_OFFSET moves every bench port (two checkouts can bench side by side; default 0). */
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 0);
if (!Number.isInteger(OFFSET) || OFFSET < 0 || OFFSET > 40000)
  throw new Error(`BENCH_PORT_OFFSET must be an integer 0-40000, got "${process.env.BENCH_PORT_OFFSET}"`);
export const PORTS = {
  gateway: 16000 + OFFSET,
  cached: 16100 + OFFSET,
  hive: 16200 + OFFSET,
  hiveCached: 16201 + OFFSET,
  ceiling: 16300 + OFFSET,
  comparison: 16005 + OFFSET,
} as const;
/** The bench's embedded PostgreSQL port (5437 + BENCH_PORT_OFFSET / 1000). */
export const BENCH_PG_PORT = 5437 + Math.floor(OFFSET / 1000);
const REGION_PORTS: Record<string, number> = Object.fromEntries(REGIONS.map((r, i) => [r.code, 16001 + OFFSET + i]));
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;

export interface Stack {
  scale: number;
  counts: { bodies: number; roles: number; reportingDuties: number };
  gateway: string;
  cached: string;
  comparison: string;
  regionUrls: Record<string, string>;
  /** Seconds from the last region's start until the comparison's freshness shows its dataVersion. */
  syncSeconds: number;
  regionStartSeconds: number;
  pids: () => Record<string, number | undefined>;
  restartRegion: (code: string, variant: string) => Promise<number>;
  stop: () => Promise<void>;
}

export function dataDir(scale: number, code: string): string {
  return join(ROOT, '.data', 'bench-synthetic', String(scale), code);
}

function writeRegion(scale: number, code: string, variant = '') {
  const dir = dataDir(scale, code);
  const counts = writeSyntheticRegion(dir, scale, variant);
  const { problems } = checkRegionData(dir, { documents: false });
  if (problems.length) throw new Error(`synthetic data for ${code} fails the data checks: ${problems.slice(0, 3).join(' | ')}`);
  return counts;
}

async function regionVersion(code: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${REGION_PORTS[code]}/version`);
  return ((await r.json()) as { dataVersion: string }).dataVersion;
}

/** Waits until the comparison's freshness shows the region's current dataVersion. */
export async function waitSynced(comparison: string, code: string, timeoutMs: number): Promise<void> {
  const version = await regionVersion(code);
  await waitFor(
    `comparison sync of ${code}`,
    async () => {
      const r = await fetch(comparison, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ landscape { freshness { regionCode dataVersion } } }' }),
      });
      const j = (await r.json()) as { data?: { landscape: { freshness: Array<{ regionCode: string; dataVersion: string | null }> } } };
      return j.data?.landscape.freshness.some((f) => f.regionCode === code && f.dataVersion === version);
    },
    timeoutMs,
  );
}

/** Drops the scale's schemas, so every run seeds the regions and syncs the comparison from nothing. */
async function dropScaleSchemas(databaseUrl: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
    for (const r of rows) await client.query(`drop schema "${r.nspname.replace(/"/g, '""')}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Every process a scale starts, from the moment it is spawned (not once it answers): stop() ends them
 * all, whatever step failed or ran out of time, and a process spawned after stop() (a start still
 * under way when the scale failed) is ended at once.
 */
export class Services {
  private readonly children = new Map<string, ChildProcess>();
  private stopped = false;

  /** The callback for spawnService: keeps the process under `name` (replacing an earlier one). */
  track(name: string): (child: ChildProcess) => void {
    return (child) => {
      if (this.stopped) void stopChild(child);
      else this.children.set(name, child);
    };
  }

  get(name: string): ChildProcess | undefined {
    return this.children.get(name);
  }

  /** Throws once stop() ran: a scale that failed must not go on measuring (or record) in the background. */
  check(): void {
    if (this.stopped) throw new Error('the scale was stopped');
  }

  pids(names?: string[]): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].filter(([k]) => !names || names.includes(k)).map(([k, c]) => [k, c.pid]));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of [...this.children.values()].reverse()) await stopChild(c);
    this.children.clear();
  }
}

/** The services of a stack, as measured (peak RSS): the regions, the comparison and both gateways. */
const STACK_SERVICES = [...REGIONS.map((r) => r.code), 'comparison', 'gateway', 'gateway-cached'];

export async function startStack(scale: number, baseEnv: NodeJS.ProcessEnv, timeoutMs: number, services: Services): Promise<Stack> {
  await dropScaleSchemas(baseEnv.DATABASE_URL!, `bench${scale}_`);
  const env: NodeJS.ProcessEnv = {
    // As deployed (docker-compose.yml, deploy/k8s: NODE_ENV=production), as the peer gateway runs too;
    // BENCH_NODE_ENV=development measures the development mode (graphql-js's realm checks and the rest).
    ...baseEnv,
    NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    DB_SCHEMA_PREFIX: `bench${scale}_`,
    MAX_COST: '1000000000',
    ...Object.fromEntries(REGIONS.map((r) => [portVar(r.code), String(REGION_PORTS[r.code])])),
    ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), url(REGION_PORTS[r.code]!)])),
    COMPARISON_PORT: String(PORTS.comparison),
    COMPARISON_URL: url(PORTS.comparison),
    // One sync call is a page of SYNC_PAGE_SIZE entries; the 5 s default leaves no margin when the
    // regions are seeding tens of thousands of bodies beside it on two cores.
    SYNC_TIMEOUT_MS: String(Math.max(5000, scale)),
  };
  const startRegion = async (code: string) => {
    await spawnService(`subgraphs/${code}`, REGION_PORTS[code]!, { ...env, DATA_DIR: dataDir(scale, code) }, 'ignore', timeoutMs, services.track(code));
  };
  const stop = () => services.stop();
  try {
    let counts = { bodies: 0, roles: 0, reportingDuties: 0 };
    for (const r of REGIONS) counts = writeRegion(scale, r.code);
    const last = REGIONS.at(-1)!.code;
    await Promise.all(REGIONS.filter((r) => r.code !== last).map((r) => startRegion(r.code)));
    await spawnService('subgraphs/comparison', PORTS.comparison, env, 'ignore', timeoutMs, services.track('comparison'));
    const comparison = url(PORTS.comparison);
    // The others synced first (the comparison serves before a long first round ends), so the last
    // region's sync time is its own, not a wait behind theirs.
    for (const r of REGIONS.filter((x) => x.code !== last)) await waitSynced(comparison, r.code, timeoutMs);
    const t0 = Date.now();
    await startRegion(last);
    const regionStartSeconds = (Date.now() - t0) / 1000;
    await waitSynced(comparison, last, timeoutMs);
    const syncSeconds = (Date.now() - t0) / 1000;
    await spawnService(
      'gateway',
      PORTS.gateway,
      { ...env, GATEWAY_PORT: String(PORTS.gateway), RESPONSE_CACHE: 'false' },
      'ignore',
      timeoutMs,
      services.track('gateway'),
    );
    await spawnService('gateway', PORTS.cached, { ...env, GATEWAY_PORT: String(PORTS.cached) }, 'ignore', timeoutMs, services.track('gateway-cached'));
    return {
      scale,
      counts,
      gateway: url(PORTS.gateway),
      cached: url(PORTS.cached),
      comparison,
      regionUrls: Object.fromEntries(REGIONS.map((r) => [r.code, url(REGION_PORTS[r.code]!)])),
      syncSeconds,
      regionStartSeconds,
      pids: () => services.pids(STACK_SERVICES),
      restartRegion: async (code: string, variant: string) => {
        writeRegion(scale, code, variant);
        await stopChild(services.get(code)!);
        const t = Date.now();
        await startRegion(code);
        return t;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function ensurePeerInstalled(): string {
  const peerDir = join(ROOT, 'bench', 'peer');
  const bin = join(peerDir, 'node_modules', '.bin', 'hive-gateway');
  if (!existsSync(bin)) {
    console.log('installing the peer gateway (bench/peer, pinned by its package-lock.json) ...');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peerDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install bench/peer');
  }
  return bin;
}

/**
 * Hive Gateway (Rust query planner) on our supergraph, pointed at this stack's subgraphs. `cached`:
 * with its response-cache plugin (gateway.config `responseCaching`, one cache for all clients, as
 * ours is for public data); otherwise every cache off.
 */
export async function startHive(cached: boolean): Promise<{ url: string; child: ChildProcess }> {
  const bin = ensurePeerInstalled();
  const supergraph = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8').replace(
    /http:\/\/127\.0\.0\.1:(400\d)\/graphql/g,
    (_m, port: string) => `http://127.0.0.1:${Number(port) + 12000}/graphql`,
  );
  const dir = join(ROOT, '.data', 'bench-hive');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'supergraph.graphql'), supergraph);
  const config = join(dir, cached ? 'cached.config.mjs' : 'plain.config.mjs');
  writeFileSync(config, cached ? 'export const gatewayConfig = { responseCaching: { session: () => null } };\n' : 'export const gatewayConfig = {};\n');
  const port = cached ? PORTS.hiveCached : PORTS.hive;
  const child = spawn(
    bin,
    ['supergraph', join(dir, 'supergraph.graphql'), '-c', config, '--port', String(port), '--host', '127.0.0.1', '--hive-router-runtime'],
    { stdio: 'ignore', cwd: dir, env: { ...process.env, NODE_ENV: 'production' } },
  );
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthcheck`, child, 300_000);
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { url: url(port), child };
}

/** The ceiling: a bare Node HTTP server answering each operation of the mix with the same bytes. */
export async function startCeiling(answers: Map<string, Buffer>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = answers.get(Buffer.concat(chunks).toString('utf8')) ?? Buffer.from('{"errors":[{"message":"unknown operation"}]}');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(PORTS.ceiling, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${PORTS.ceiling}/graphql`, server };
}
