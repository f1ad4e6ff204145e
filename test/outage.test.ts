/**
 * The database goes away under load and comes back: while it is down every request gets a clear
 * GraphQL error (never a dropped connection) and the services keep running; afterwards they recover
 * by themselves and the data is intact. Uses an embedded PostgreSQL of its own (port 5436), a
 * Höglandet subgraph on it (15403) and a gateway in front (15400), so the shared test database is
 * never stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { startEmbedded, type Database } from '../scripts/lib/database';
import { gql } from './support/client';
import { testPgPort, testPort } from './support/ports';
import { runLoad } from './support/load';

const PG = { dataDir: join(__dirname, '..', '.data', 'postgres-outage'), port: testPgPort(5436), database: 'samverkan' };
const SUBGRAPH_PORT = testPort(15403);
const GATEWAY_PORT = testPort(15400);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const QUERY = '{ region(code: "hoglandet") { name bodies { id } } }';
const hasBodies = (json: any) => Array.isArray(json?.data?.region?.bodies) && json.data.region.bodies.length > 0;

let db: Database | undefined;
let subgraph: ChildProcess | undefined;
let gatewayProcess: ChildProcess | undefined;

beforeAll(async () => {
  db = await startEmbedded(PG);
  const urls = inject('subgraphUrls');
  const env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: db.url, DB_SCHEMA_PREFIX: '' };
  subgraph = await spawnService('subgraphs/hoglandet', SUBGRAPH_PORT, { ...env, HOGLANDET_PORT: String(SUBGRAPH_PORT) });
  gatewayProcess = await spawnService('gateway', GATEWAY_PORT, {
    ...env,
    GATEWAY_PORT: String(GATEWAY_PORT),
    SUBGRAPH_RETRIES: '0',
    RESPONSE_CACHE: 'false', // with the cache on, cached answers would (correctly) hide the outage
    OREBRO_URL: urls.orebro!, KALMAR_URL: urls.kalmar!, SAMLA_URL: urls.samla!, COMPARISON_URL: urls.comparison!,
    HOGLANDET_URL: `http://127.0.0.1:${SUBGRAPH_PORT}/graphql`,
  });
}, 120_000);

afterAll(async () => {
  if (gatewayProcess) await stopChild(gatewayProcess);
  if (subgraph) await stopChild(subgraph);
  await db?.stop().catch(() => {});
});

describe('a database outage under load', () => {
  it('gives clear errors while PostgreSQL is down, and recovers by itself with the data intact', async () => {
    const before = await gql<{ region: { bodies: Array<{ id: string }> } }>(QUERY, undefined, gateway);
    const bodyCount = before.data!.region.bodies.length;
    expect(bodyCount).toBeGreaterThan(0);

    const load = runLoad(gateway, { query: QUERY }, { concurrency: 4, durationMs: 6000, maxRequests: 3000, hasData: hasBodies });
    await new Promise((r) => setTimeout(r, 1000));
    await db!.stop();
    await new Promise((r) => setTimeout(r, 1500));

    // While it is down: a clear error, the subgraph process is alive and says it is not ready.
    const down = await gql(QUERY, undefined, gateway);
    expect(down.status).toBe(200);
    expect(JSON.stringify(down.errors)).toMatch(/database is unavailable/);
    expect(subgraph!.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${SUBGRAPH_PORT}/ready`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${SUBGRAPH_PORT}/health`)).status).toBe(200);

    db = await startEmbedded(PG);
    const result = await load;
    expect(result.failures).toBe(0); // every request got an HTTP answer
    expect(Object.keys(result.statuses)).toEqual(['200']);
    expect(result.withData).toBeGreaterThan(0);
    expect([...result.errorMessages].some((m) => /database is unavailable/.test(m))).toBe(true);

    // Recovered by itself: consecutive requests all succeed, with the same data.
    let after: Awaited<ReturnType<typeof gql<{ region: { bodies: Array<{ id: string }> } }>>> | undefined;
    for (let i = 0; i < 50; i++) {
      after = await gql(QUERY, undefined, gateway);
      if (!after.errors) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(after!.errors).toBeUndefined();
    for (let i = 0; i < 20; i++) expect((await gql(QUERY, undefined, gateway)).errors).toBeUndefined();
    expect(after!.data!.region.bodies.length).toBe(bodyCount);
    expect((await fetch(`http://127.0.0.1:${SUBGRAPH_PORT}/ready`)).status).toBe(200);
  }, 60_000);
});
