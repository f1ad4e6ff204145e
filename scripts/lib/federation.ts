/**
 * Starts and stops the whole federation as separate processes, as `npm start` and the tests run it:
 * the database (embedded unless DATABASE_URL), the five subgraphs, then the gateway; waits until
 * each answers /health; stops everything on request, the embedded database last. A service that
 * exits on its own is restarted with exponential backoff (supervisor.ts); one that keeps crashing is
 * given up on (`onGiveUp`: `npm start` then stops and exits non-zero).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { COMPARISON, GATEWAY, portVar, REGIONS, nodeOptionsOf, SUBGRAPHS, type ServiceEntry } from '@samverkan/contract';
import { ROOT } from './paths';
import { startDatabase, type Database } from './database';
import { Supervisor, supervisorOptions, type SupervisorOptions } from './supervisor';
import { DEFAULT_EMBEDDED_DIR, DEFAULT_EMBEDDED_PORT, localUrl, serviceOverrides } from './start-config';

export interface FederationOptions {
  env?: NodeJS.ProcessEnv;
  /** Port of each service by code; defaults to the registry's. */
  ports?: Partial<Record<string, number>>;
  /** Embedded database defaults (ignored with DATABASE_URL). */
  embeddedDir?: string;
  embeddedPort?: number;
  /** Where service output goes (default: inherit the parent's stdout/stderr). */
  output?: 'inherit' | 'ignore';
  startTimeoutMs?: number;
  /** Restarts of crashed services (default from SUPERVISOR_* variables); false: none. */
  supervise?: Partial<SupervisorOptions> | false;
}

export interface Federation {
  database: Database;
  gatewayUrl: string;
  urls: Record<string, string>;
  startService: (code: string) => Promise<void>;
  stopService: (code: string) => Promise<void>;
  stop: () => Promise<void>;
  /** Process id of a running service. */
  pid: (code: string) => number | undefined;
}

export { DEFAULT_EMBEDDED_DIR, DEFAULT_EMBEDDED_PORT };

const ALL: ServiceEntry[] = [...SUBGRAPHS, GATEWAY];

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A process ended by a signal (an abort when out of memory, a kill) has no exit code, only its signal.
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    if (child.signalCode !== null) throw new Error(`${url}: the process was ended by ${child.signalCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts one service's process (its built dist) and waits until it answers /health. `spawned` is told
 * of the process as soon as it exists, so a caller can stop it even while it is still starting.
 */
export async function spawnService(
  dir: string,
  port: number,
  env: NodeJS.ProcessEnv,
  output: 'inherit' | 'ignore' = 'ignore',
  timeoutMs = 60_000,
  spawned?: (child: ChildProcess) => void,
): Promise<ChildProcess> {
  const nodeOptions = nodeOptionsOf(dir, env.NODE_OPTIONS);
  // SERVICE_NODE_FLAGS: node flags NODE_OPTIONS does not take (the bench's --cpu-prof).
  const flags = (env.SERVICE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, join(ROOT, dir, 'dist', 'index.js')], {
    env: { ...env, NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', output, output],
  });
  spawned?.(child);
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, timeoutMs);
  } catch (e) {
    // Not up in time: stop it, so that a failed start leaves no process behind.
    await stopChild(child);
    throw e;
  }
  return child;
}

export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  const env = { ...process.env, ...options.env };
  const database = await startDatabase(env, {
    dataDir: options.embeddedDir ?? DEFAULT_EMBEDDED_DIR,
    port: options.embeddedPort ?? DEFAULT_EMBEDDED_PORT,
    database: 'samverkan',
  });
  const port = (s: ServiceEntry) => options.ports?.[s.code] ?? (env[portVar(s.code)] ? Number(env[portVar(s.code)]) : s.port);
  const urls: Record<string, string> = Object.fromEntries(ALL.map((s) => [s.code, localUrl(port(s))]));
  const serviceEnv: NodeJS.ProcessEnv = { ...env, ...serviceOverrides(database.url, port) };
  const children = new Map<string, ChildProcess>();
  const spawnOne = async (code: string) => {
    const service = ALL.find((s) => s.code === code);
    if (!service) throw new Error(`unknown service ${code}`);
    return spawnService(service.dir, port(service), serviceEnv, options.output ?? 'inherit', options.startTimeoutMs);
  };
  const supervisor = options.supervise === false ? undefined : new Supervisor(children, spawnOne, { ...supervisorOptions(env), ...options.supervise });

  const startService = async (code: string) => {
    const child = await spawnOne(code);
    children.set(code, child);
    supervisor?.watch(code, child);
  };
  const stopService = async (code: string) => {
    supervisor?.forget(code);
    const child = children.get(code);
    children.delete(code);
    if (child) await stopChild(child);
  };
  const stop = async () => {
    supervisor?.close();
    await Promise.all([...children.keys()].map(stopService));
    await database.stop().catch(() => {});
  };

  try {
    // Regions first (each migrates its own schema), then the comparison (it syncs its read model
    // from them before it serves), then the gateway.
    // Every region's start settles before a failure is thrown, so none is still starting (and later
    // left running) when stop() runs.
    const started = await Promise.allSettled(REGIONS.map((r) => r.code).map(startService));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await startService(COMPARISON.code);
    await startService(GATEWAY.code);
  } catch (e) {
    await stop();
    throw e;
  }
  return { database, gatewayUrl: urls[GATEWAY.code]!, urls, startService, stopService, stop, pid: (code) => children.get(code)?.pid };
}
