/**
 * A region down: the gateway starts anyway, answers for the other regions, names the missing one,
 * and uses the region again once it is back. Runs its own gateway (port 14200) whose Kalmar URL
 * points at port 14202, where this test starts and stops a Kalmar subgraph.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { REGIONS } from '../shared/src/registry';
import { gql } from './support/client';
import { bodiesOf } from './support/data';
import { runLoad } from './support/load';
import { TEST_SCHEMA_PREFIX, testPort } from './support/ports';
import { Services, subgraphUrlEnv } from './support/services';

const GATEWAY_PORT = testPort(14200);
const KALMAR_PORT = testPort(14202);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const QUERY = '{ regions { code name } landscape { missingRegions meetingFrequencyTable { regionCode } } }';

type Answer = { regions: Array<{ code: string; name: string | null }>; landscape: { missingRegions: string[]; meetingFrequencyTable: Array<{ regionCode: string }> } };

// Every process this file starts; afterAll stops them all, also after a failed or timed-out test.
const services = new Services();
let kalmar: ChildProcess | undefined;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false', // this file tests partial answers; the cache has its own test
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
    ...subgraphUrlEnv({ kalmar: `http://127.0.0.1:${KALMAR_PORT}/graphql` }),
    ...extra,
  };
}
const startKalmar = async () => (await services.start('subgraphs/kalmar', KALMAR_PORT, env({ KALMAR_PORT: String(KALMAR_PORT) }))).child;

beforeAll(async () => {
  // Kalmar is down when the gateway starts.
  await services.start('gateway', GATEWAY_PORT, env({ GATEWAY_PORT: String(GATEWAY_PORT) }));
});

afterAll(async () => {
  await services.stopAll();
});

/** The regions whose data has a body with a cadence: the ones the frequency table must answer for. */
const withCadence = REGIONS.map((r) => r.code).filter((code) => bodiesOf(code).some((b) => b.cadence));

function expectKalmarMissing(r: Awaited<ReturnType<typeof gql<Answer>>>) {
  expect(r.status).toBe(200);
  expect(r.data!.regions.map((x) => x.code)).toEqual(REGIONS.map((x) => x.code));
  // Kalmar's name comes from its subgraph: null while it is down; every other region's is there.
  expect(r.data!.regions.map((x) => x.name)).toEqual(REGIONS.map((x) => (x.code === 'kalmar' ? null : x.name)));
  expect(r.data!.landscape.missingRegions).toEqual(['kalmar']);
  const answered = [...new Set(r.data!.landscape.meetingFrequencyTable.map((x) => x.regionCode))].sort();
  expect(answered).toEqual(withCadence.filter((c) => c !== 'kalmar').sort());
  expect(r.errors!.map((e) => e.message).filter((m) => m.includes('Subgraph "kalmar" did not answer'))).not.toEqual([]);
  expect(JSON.stringify(r.errors)).not.toContain(`${KALMAR_PORT}`); // no internal address leaks
}

describe('a region subgraph that is down', () => {
  it('does not stop the gateway from starting, and the others still answer', async () => {
    expectKalmarMissing(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('is used again as soon as it is back, and missed again when it stops', async () => {
    kalmar = await startKalmar();
    const back = await gql<Answer>(QUERY, undefined, gateway);
    expect(back.errors).toBeUndefined();
    expect(back.data!.landscape.missingRegions).toEqual([]);
    expect(back.data!.regions.find((x) => x.code === 'kalmar')!.name).toBe('Kalmar län');
    expect(back.data!.landscape.meetingFrequencyTable.some((x) => x.regionCode === 'kalmar')).toBe(true);

    await services.stop(kalmar);
    kalmar = undefined;
    expectKalmarMissing(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('killed under load: every request still answers for the others, and Kalmar is used again when back', async () => {
    kalmar = await startKalmar();
    const missingSeen = new Set<string>();
    const load = runLoad(gateway, { query: QUERY }, {
      concurrency: 4, durationMs: 5000, maxRequests: 5000,
      hasData: (json) => {
        const missing = json?.data?.landscape?.missingRegions;
        if (Array.isArray(missing)) missing.forEach((m: string) => missingSeen.add(m));
        const answered = new Set((json?.data?.landscape?.meetingFrequencyTable ?? []).map((r: { regionCode: string }) => r.regionCode));
        return withCadence.filter((c) => c !== 'kalmar').every((c) => answered.has(c));
      },
    });
    await new Promise((r) => setTimeout(r, 1000));
    kalmar.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    kalmar = await startKalmar();
    const result = await load;
    expect(result.failures).toBe(0);
    expect(Object.keys(result.statuses)).toEqual(['200']);
    expect(result.withData).toBe(result.sent); // the other regions answered every single time
    expect([...missingSeen]).toEqual(['kalmar']);
    const back = await gql<Answer>(QUERY, undefined, gateway);
    expect(back.errors).toBeUndefined();
    expect(back.data!.landscape.missingRegions).toEqual([]);
  }, 60_000);
});
