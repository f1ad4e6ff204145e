/**
 * A region down: the gateway starts anyway, answers for the other regions, names the missing one,
 * and uses the region again once it is back. Runs its own gateway (port 14200) whose Kalmar URL
 * points at port 14202, where this test starts and stops a Kalmar subgraph.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { gql } from './support/client';
import { runLoad } from './support/load';
import { TEST_SCHEMA_PREFIX, testPort } from './support/ports';

const GATEWAY_PORT = testPort(14200);
const KALMAR_PORT = testPort(14202);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const QUERY = '{ regions { code name } landscape { missingRegions meetingFrequencyTable { regionCode } } }';

type Answer = { regions: Array<{ code: string; name: string | null }>; landscape: { missingRegions: string[]; meetingFrequencyTable: Array<{ regionCode: string }> } };

let gatewayProcess: ChildProcess | undefined;
let kalmar: ChildProcess | undefined;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const urls = inject('subgraphUrls');
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false', // this file tests partial answers; the cache has its own test
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
    OREBRO_URL: urls.orebro!, HOGLANDET_URL: urls.hoglandet!, SAMLA_URL: urls.samla!, COMPARISON_URL: urls.comparison!,
    KALMAR_URL: `http://127.0.0.1:${KALMAR_PORT}/graphql`,
    ...extra,
  };
}

beforeAll(async () => {
  // Kalmar is down when the gateway starts.
  gatewayProcess = await spawnService('gateway', GATEWAY_PORT, env({ GATEWAY_PORT: String(GATEWAY_PORT) }));
});

afterAll(async () => {
  if (kalmar) await stopChild(kalmar);
  if (gatewayProcess) await stopChild(gatewayProcess);
});

function expectKalmarMissing(r: Awaited<ReturnType<typeof gql<Answer>>>) {
  expect(r.status).toBe(200);
  expect(r.data!.regions.map((x) => x.code)).toEqual(['orebro', 'kalmar', 'hoglandet', 'samla']);
  expect(r.data!.regions.find((x) => x.code === 'kalmar')!.name).toBeNull();
  expect(r.data!.regions.find((x) => x.code === 'samla')!.name).toBe('SAMLA (Lerum–Alingsås)');
  expect(r.data!.landscape.missingRegions).toEqual(['kalmar']);
  const answered = new Set(r.data!.landscape.meetingFrequencyTable.map((x) => x.regionCode));
  expect(answered.has('kalmar')).toBe(false);
  expect(answered.has('orebro') && answered.has('samla')).toBe(true);
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(r.errors!.some((e) => e.message.includes('Subgraph "kalmar" did not answer'))).toBe(true);
  expect(JSON.stringify(r.errors)).not.toContain(`${KALMAR_PORT}`); // no internal address leaks
}

describe('a region subgraph that is down', () => {
  it('does not stop the gateway from starting, and the others still answer', async () => {
    expectKalmarMissing(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('is used again as soon as it is back, and missed again when it stops', async () => {
    kalmar = await spawnService('subgraphs/kalmar', KALMAR_PORT, env({ KALMAR_PORT: String(KALMAR_PORT) }));
    const back = await gql<Answer>(QUERY, undefined, gateway);
    expect(back.errors).toBeUndefined();
    expect(back.data!.landscape.missingRegions).toEqual([]);
    expect(back.data!.regions.find((x) => x.code === 'kalmar')!.name).toBe('Kalmar län');
    expect(back.data!.landscape.meetingFrequencyTable.some((x) => x.regionCode === 'kalmar')).toBe(true);

    await stopChild(kalmar);
    kalmar = undefined;
    expectKalmarMissing(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('killed under load: every request still answers for the others, and Kalmar is used again when back', async () => {
    kalmar = await spawnService('subgraphs/kalmar', KALMAR_PORT, env({ KALMAR_PORT: String(KALMAR_PORT) }));
    const missingSeen = new Set<string>();
    const load = runLoad(gateway, { query: QUERY }, {
      concurrency: 4, durationMs: 5000, maxRequests: 5000,
      hasData: (json) => {
        const missing = json?.data?.landscape?.missingRegions;
        if (Array.isArray(missing)) missing.forEach((m: string) => missingSeen.add(m));
        return Array.isArray(json?.data?.landscape?.meetingFrequencyTable) && json.data.landscape.meetingFrequencyTable.some((r: { regionCode: string }) => r.regionCode === 'samla');
      },
    });
    await new Promise((r) => setTimeout(r, 1000));
    kalmar.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    kalmar = await spawnService('subgraphs/kalmar', KALMAR_PORT, env({ KALMAR_PORT: String(KALMAR_PORT) }));
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
