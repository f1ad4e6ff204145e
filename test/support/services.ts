/**
 * The processes one test file starts, tracked from the moment each is spawned: `stopAll()` in the
 * file's afterAll stops every one of them, also when a test failed or timed out half-way through
 * starting one (spawnService only hands its process back once it answers /health). After stopAll
 * nothing more starts, so a timed-out test that carries on in the background cannot leave a service
 * running on a test port.
 *
 * And the gateway's subgraph URLs for a test's own gateway, from the registry: every subgraph of the
 * test federation, with the ones the test serves itself replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { nodeOptionsOf, SUBGRAPHS, urlVar } from '../../contract/src/registry';
import { stopChild, waitForHealth } from '../../scripts/lib/federation';

const ROOT = join(__dirname, '..', '..');

export interface Service {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr (only with `output: 'capture'`). */
  output: () => string;
}

export class Services {
  private readonly children = new Set<ChildProcess>();
  private closed = false;

  /** Spawns `<dir>/dist/index.js` (dir relative to the repository, or absolute) and waits for its /health. */
  async start(dir: string, port: number, env: NodeJS.ProcessEnv, options: { output?: 'ignore' | 'capture'; timeoutMs?: number } = {}): Promise<Service> {
    // Captured by default: a service that fails to start says why in the test's error.
    const service = this.spawn(dir, env, options.output ?? 'capture');
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, service.child, options.timeoutMs ?? 60_000);
    } catch (e) {
      await this.stop(service.child);
      throw new Error(`${(e as Error).message}${service.output() ? `\n${service.output()}` : ''}`, { cause: e });
    }
    return service;
  }

  /** Spawns without waiting: for a process that is expected to exit (see `exited`). */
  spawn(dir: string, env: NodeJS.ProcessEnv, output: 'ignore' | 'capture' = 'ignore'): Service {
    if (this.closed) throw new Error(`not starting ${dir}: this file's services were already stopped (a test ran on after its timeout)`);
    const nodeOptions = nodeOptionsOf(dir, env.NODE_OPTIONS);
    const stdio = output === 'capture' ? 'pipe' : 'ignore';
    const child = spawn(process.execPath, [join(dir.startsWith('/') ? dir : join(ROOT, dir), 'dist', 'index.js')], {
      env: { ...env, NODE_OPTIONS: nodeOptions },
      stdio: ['ignore', stdio, stdio],
    });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    return { child, output: () => text };
  }

  async stop(child: ChildProcess | undefined): Promise<void> {
    if (!child) return;
    await stopChild(child);
    this.children.delete(child);
  }

  /** Stops every process this file started; call it in afterAll. */
  async stopAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.children].map((c) => this.stop(c)));
  }
}

/** Resolves with the exit code once `child` has ended (or undefined after `timeoutMs`). */
export function exited(child: ChildProcess, timeoutMs = 60_000): Promise<number | null | undefined> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * `<CODE>_URL` of every subgraph in the registry, pointing at the test federation's services, with
 * `own` (code -> URL) replacing the ones the test runs itself.
 */
export function subgraphUrlEnv(own: Record<string, string> = {}): Record<string, string> {
  const urls = inject('subgraphUrls');
  return Object.fromEntries(SUBGRAPHS.map((s) => [urlVar(s.code), own[s.code] ?? urls[s.code]!]));
}

/**
 * The environment of a test's own services around a read model: silent logs, no response cache, the
 * test database with schemas under `prefix`, the comparison syncing every 200 ms, and every subgraph
 * URL from the registry with `own` (code -> URL) replacing the ones the test runs itself.
 */
export function testServiceEnv(prefix: string, own: Record<string, string> = {}, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false',
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: prefix,
    SYNC_INTERVAL_MS: '200',
    ...subgraphUrlEnv(own),
    ...extra,
  };
}
