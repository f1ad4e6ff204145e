/**
 * A federation started like `npm start` survives crashes: a killed subgraph and a killed gateway
 * are restarted (and logged) and serve again; a service that keeps crashing is given up on. Runs a
 * federation of its own (15800-15805, embedded PostgreSQL of its own).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../scripts/lib/database';
import { startFederation, type Federation } from '../scripts/lib/federation';
import { GATEWAY, REGIONS, SUBGRAPHS } from '../contract/src/registry';
import { testPgPort, testPort } from './support/ports';

const PORTS: Record<string, number> = Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [s.code, testPort(s.port + 11800)]));
const log: string[] = [];
const gaveUp: string[] = [];
let federation: Federation | undefined;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until the federation answers with every region: each region's own subgraph answers the
 * drill-down (a name for every region, no error), and the comparison holds a fresh copy of each.
 * (The comparison alone would answer for a dead region from its copy: it is the drill-down that
 * shows a region's subgraph is back.)
 */
async function servesEveryRegion(): Promise<void> {
  let last = '';
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(federation!.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions { code name } landscape { missingRegions staleRegions } }' }),
        signal: AbortSignal.timeout(5000),
      });
      const json = (await res.json()) as {
        errors?: unknown[];
        data?: { regions: Array<{ name: string | null }>; landscape: { missingRegions: string[]; staleRegions: string[] } };
      };
      const d = json.data;
      if (res.status === 200 && !json.errors && d && d.regions.every((r) => r.name) && !d.landscape.missingRegions.length && !d.landscape.staleRegions.length)
        return;
      last = JSON.stringify(json).slice(0, 500);
    } catch (e) {
      last = (e as Error).message;
    }
    await pause(500);
  }
  throw new Error(`the federation did not serve every region again: ${last}`);
}

beforeAll(async () => {
  federation = await startFederation({
    env: { LOG_LEVEL: 'silent', DB_SCHEMA_PREFIX: 'supervision_', RESPONSE_CACHE: 'false', SUBGRAPH_RETRIES: '0' },
    ports: PORTS,
    embeddedDir: join(__dirname, '..', '.data', 'postgres-supervision'),
    embeddedPort: testPgPort(5438),
    output: 'ignore',
    supervise: { maxRestarts: 2, windowMs: 60_000, backoffMs: 200, maxBackoffMs: 1000, log: (m) => log.push(m), onGiveUp: (code) => gaveUp.push(code) },
  });
}, 180_000);
afterAll(async () => {
  await federation?.stop();
}, 60_000);

describe('supervision (npm start)', () => {
  it('a killed subgraph is restarted, logged, and serves again', async () => {
    await servesEveryRegion();
    const code = REGIONS[1]!.code;
    const before = federation!.pid(code)!;
    process.kill(before, 'SIGKILL');
    await servesEveryRegion();
    expect(federation!.pid(code)).not.toBe(before);
    expect(log.some((m) => m.includes(`${code} exited (signal SIGKILL)`))).toBe(true);
    expect(log.some((m) => m.includes(`${code} is back`))).toBe(true);
  }, 90_000);

  it('a killed gateway is restarted and serves again', async () => {
    const before = federation!.pid(GATEWAY.code)!;
    process.kill(before, 'SIGKILL');
    await servesEveryRegion();
    expect(federation!.pid(GATEWAY.code)).not.toBe(before);
    expect(gaveUp).toEqual([]);
  }, 90_000);

  it('a service that keeps crashing is given up on (npm start then exits non-zero)', async () => {
    const code = REGIONS[0]!.code;
    for (let kill = 0; kill < 3 && !gaveUp.length; kill++) {
      // Wait for the restarted process, then crash it again.
      let pid = federation!.pid(code);
      for (let i = 0; i < 120 && (!pid || !isAlive(pid)); i++) {
        await pause(250);
        pid = federation!.pid(code);
      }
      process.kill(pid!, 'SIGKILL');
      await waitFor(() => !isAlive(pid!));
    }
    await waitFor(() => gaveUp.length > 0);
    expect(gaveUp).toEqual([code]);
    expect(log.some((m) => m.includes(`${code}`) && m.includes('giving up'))).toBe(true);
  }, 90_000);
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await pause(100);
}
