/**
 * The database goes away under load and comes back: while it is down every request gets a clear
 * GraphQL error (never a dropped connection) and the services keep running; afterwards they recover
 * by themselves and the data is intact. Uses an embedded PostgreSQL of its own (port 5436), a
 * Höglandet subgraph on it (15403) and a gateway in front (15400), so the shared test database is
 * never stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type Database } from '../scripts/lib/database';
import { gql } from './support/client';
import { bodiesOf } from './support/data';
import { testPgPort, testPort } from './support/ports';
import { runLoad } from './support/load';
import { Services, subgraphUrlEnv } from './support/services';

const PG = { dataDir: join(__dirname, '..', '.data', 'postgres-outage'), port: testPgPort(5436), database: 'samverkan' };
const SUBGRAPH_PORT = testPort(15403);
const GATEWAY_PORT = testPort(15400);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const QUERY = '{ region(code: "hoglandet") { name bodies { id } } }';
const hasBodies = (json: any) => Array.isArray(json?.data?.region?.bodies) && json.data.region.bodies.length > 0;

let db: Database | undefined;
let closed = false;
/** Starts this file's PostgreSQL; one that comes up after afterAll (a test that ran on past its timeout) is stopped at once. */
async function startDatabase(): Promise<Database> {
  const started = await startEmbedded(PG);
  if (closed) {
    await started.stop();
    throw new Error('PostgreSQL started after this file was cleaned up (the test timed out): stopped it');
  }
  return started;
}
let subgraph: ChildProcess | undefined;
// Every process this file starts; afterAll stops them all, also after a failed or timed-out test.
const services = new Services();

beforeAll(async () => {
  db = await startDatabase();
  const env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: db.url, DB_SCHEMA_PREFIX: '' };
  subgraph = (await services.start('subgraphs/hoglandet', SUBGRAPH_PORT, { ...env, HOGLANDET_PORT: String(SUBGRAPH_PORT) })).child;
  await services.start('gateway', GATEWAY_PORT, {
    ...env,
    GATEWAY_PORT: String(GATEWAY_PORT),
    SUBGRAPH_RETRIES: '0',
    RESPONSE_CACHE: 'false', // with the cache on, cached answers would (correctly) hide the outage
    ...subgraphUrlEnv({ hoglandet: `http://127.0.0.1:${SUBGRAPH_PORT}/graphql` }),
  });
}, 120_000);

afterAll(async () => {
  closed = true;
  await services.stopAll();
  await db?.stop().catch(() => {});
});

describe('a database outage under load', () => {
  it('gives clear errors while PostgreSQL is down, and recovers by itself with the data intact', async () => {
    const before = await gql<{ region: { bodies: Array<{ id: string }> } }>(QUERY, undefined, gateway);
    const bodyIds = bodiesOf('hoglandet').map((b) => b.id); // what its data files hold
    expect(before.data!.region.bodies.map((b) => b.id)).toEqual(bodyIds);

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

    db = await startDatabase();
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
    expect(after!.data!.region.bodies.map((b) => b.id)).toEqual(bodyIds);
    expect((await fetch(`http://127.0.0.1:${SUBGRAPH_PORT}/ready`)).status).toBe(200);
  }, 60_000);
});
