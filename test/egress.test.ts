/**
 * Nothing we run talks to the outside unless the user configured it (issue: Apollo's telemetry). The
 * federation is started the way `npm start` starts it (scripts/dist/start.js: the database, every region,
 * the comparison and the gateway, each its own process), with APOLLO_TELEMETRY_DISABLED unset in the
 * parent environment and a preload (test/egress/recorder.cjs) in every Node process that records each
 * outgoing connection, datagram and DNS query. After a query through the gateway and a few seconds (the
 * telemetry's cloud detectors ran within seconds of start), every recorded address must be loopback.
 * The first test proves the recorder sees what it must: a process that does reach out is caught.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GATEWAY, portVar, SUBGRAPHS } from '../contract/src/registry';
import { testPgPort, testPort } from './support/ports';

const ROOT = join(__dirname, '..');
const RECORDER = join(__dirname, 'egress', 'recorder.cjs');
const dir = mkdtempSync(join(tmpdir(), 'samverkan-egress-'));

interface Egress {
  pid: number;
  script: string;
  kind: string;
  target: string;
}

function recorded(log: string): Egress[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Egress);
}

/** The host of a recorded target: "host:port", "[v6]:port", a bare DNS name, or a unix socket. */
function hostOf(e: Egress): string {
  if (e.target.startsWith('unix:')) return 'unix';
  if (e.kind !== 'connect') return e.target;
  return e.target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

/** Loopback only: 127.0.0.0/8, ::1 (also IPv4-mapped), the name localhost, and unix sockets. */
function isLoopback(host: string): boolean {
  return host === 'unix' || host === 'localhost' || host === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(host);
}

const envWithout = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.APOLLO_TELEMETRY_DISABLED;
  return env;
};

let federation: ChildProcess | undefined;

afterAll(async () => {
  if (federation && federation.exitCode === null && federation.signalCode === null) {
    // start.js stops everything it started on SIGINT; its process group is the backstop.
    const child = federation;
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    child.kill('SIGINT');
    await ended;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('no connection outside loopback', () => {
  it('the recorder catches a process that reaches out (a DNS lookup and a connection to a non-loopback address)', () => {
    const log = join(dir, 'control.log');
    const code =
      "require('node:dns').lookup('samverkan-egress.invalid', () => {}); require('node:net').connect(9, '192.0.2.1').on('error', () => {}).destroy();";
    const r = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, NODE_OPTIONS: `--require ${RECORDER}`, EGRESS_LOG: log }, timeout: 10_000 });
    expect(r.status).toBe(0);
    const outside = recorded(log)
      .map(hostOf)
      .filter((h) => !isLoopback(h));
    expect(outside.sort()).toEqual(['192.0.2.1', 'samverkan-egress.invalid']);
  });

  it("npm start's processes (gateway, regions, comparison, the start script) connect only to loopback", async () => {
    const log = join(dir, 'federation.log');
    const ports = Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [portVar(s.code), String(testPort(s.port - 4000 + 16400))]));
    federation = spawn(process.execPath, [join(ROOT, 'scripts', 'dist', 'start.js')], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: envWithout({
        ...ports,
        NODE_OPTIONS: `--require ${RECORDER}`,
        EGRESS_LOG: log,
        LOG_LEVEL: 'warn',
        DB_SCHEMA_PREFIX: 'egress_',
        EMBEDDED_PG_DIR: join(ROOT, '.data', 'postgres-egress'),
        EMBEDDED_PG_PORT: String(testPgPort(5439)),
      }),
    });
    let output = '';
    federation.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    federation.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the federation did not start in 180 s:\n${output}`)), 180_000);
      const check = () => {
        if (output.includes('Samverkan Graph is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      federation!.stdout!.on('data', check);
      federation!.once('exit', (c) => {
        clearTimeout(timer);
        reject(new Error(`start.js exited with ${c}:\n${output}`));
      });
    });
    const gateway = `http://127.0.0.1:${ports[portVar(GATEWAY.code)]}/graphql`;
    const res = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } landscape { missingRegions } }' }),
    });
    expect(res.status).toBe(200);
    // Apollo's detectors and exporter started within seconds of the gateway's start when they were on.
    await new Promise((r) => setTimeout(r, 5_000));

    const all = recorded(log);
    const scripts = new Set(all.map((e) => e.script.replace(`${ROOT}/`, '')));
    // The recorder ran in the processes that matter (each connects at least to loopback).
    expect(scripts).toContain('gateway/dist/index.js');
    expect(scripts).toContain('subgraphs/comparison/dist/index.js');
    for (const s of SUBGRAPHS.filter((x) => x.code !== 'comparison')) expect(scripts).toContain(`${s.dir}/dist/index.js`);
    expect(all.filter((e) => !isLoopback(hostOf(e)))).toEqual([]);
  }, 240_000);
});
