/**
 * A region down behind a gateway: the gateway starts anyway; drill-down through it (`regions`,
 * `region(code)`, `Query.<code>`) shows the region as null with an error naming it, and answers for
 * the others; the aggregates still answer for it, from the comparison's read model (the test
 * federation's comparison holds a copy of every region), never naming it missing. The region is used
 * again once it is back, and under load every request answers. Runs its own gateway whose URL for
 * one region (the second in the registry) points at a port where this test starts and stops that
 * region's subgraph.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS, urlVar } from '../contract/src/registry';
import { gql, gqlOk } from './support/client';
import { runLoad } from './support/load';
import { TEST_SCHEMA_PREFIX, testPort } from './support/ports';

const GATEWAY_PORT = testPort(14200);
const REGION_PORT = testPort(14202);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const DOWN = REGIONS[1]!;
const CODES = REGIONS.map((r) => r.code);
const AGGREGATE = 'meetingFrequencyTable { regionCode bodyId }';
const QUERY = `{ regions { code name } landscape { missingRegions staleRegions ${AGGREGATE} } }`;

type Row = { regionCode: string; bodyId: string };
type Answer = {
  regions: Array<{ code: string; name: string | null } | null>;
  landscape: { missingRegions: string[]; staleRegions: string[]; meetingFrequencyTable: Row[] };
};
const DID_NOT_ANSWER = `Subgraph "${DOWN.code}" did not answer`;

let gatewayProcess: ChildProcess | undefined;
let region: ChildProcess | undefined;
/** The aggregate as the test federation's gateway answers it, every region up. */
let complete: Row[] = [];

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const urls = inject('subgraphUrls');
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false', // this file tests partial answers; the cache has its own test
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
    ...Object.fromEntries(Object.entries(urls).map(([code, url]) => [urlVar(code), url])),
    [urlVar(DOWN.code)]: `http://127.0.0.1:${REGION_PORT}/graphql`,
    ...extra,
  };
}
const startRegion = () => spawnService(`subgraphs/${DOWN.code}`, REGION_PORT, env({ [portVar(DOWN.code)]: String(REGION_PORT) }));

beforeAll(async () => {
  complete = (await gqlOk<Answer>(`{ landscape { ${AGGREGATE} } }`)).landscape.meetingFrequencyTable;
  expect(complete.some((r) => r.regionCode === DOWN.code)).toBe(true); // so the checks below can fail
  // The region is down when the gateway starts.
  gatewayProcess = await spawnService('gateway', GATEWAY_PORT, env({ GATEWAY_PORT: String(GATEWAY_PORT) }));
});

afterAll(async () => {
  if (region) await stopChild(region);
  if (gatewayProcess) await stopChild(gatewayProcess);
});

/** Drill-down: the region null with an error naming it, the others answered; aggregates: complete, from the read model. */
function expectDown(r: Awaited<ReturnType<typeof gql<Answer>>>) {
  expect(r.status).toBe(200);
  expect(r.data!.regions.map((x) => x?.code)).toEqual(CODES);
  expect(r.data!.regions.find((x) => x?.code === DOWN.code)!.name).toBeNull();
  for (const other of REGIONS.filter((x) => x.code !== DOWN.code)) expect(r.data!.regions.find((x) => x?.code === other.code)!.name).toBe(other.name);
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(r.errors!.some((e) => e.message.includes(DID_NOT_ANSWER))).toBe(true);
  expect(JSON.stringify(r.errors)).not.toContain(`${REGION_PORT}`); // no internal address leaks
  // The aggregate does not go through the region's subgraph: the comparison's copy answers for it.
  expect(r.data!.landscape.missingRegions).toEqual([]);
  expect(r.data!.landscape.staleRegions).toEqual([]); // the comparison itself still reaches the region
  expect(r.data!.landscape.meetingFrequencyTable).toEqual(complete);
  expect(r.data!.landscape.meetingFrequencyTable.some((x) => x.regionCode === DOWN.code)).toBe(true);
}

describe('a region subgraph that is down behind the gateway', () => {
  it('does not stop the gateway from starting; drill-down names it, the aggregates still answer for it', async () => {
    expectDown(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('region(code) and its own root field are null with an error naming it, and answer for another region', async () => {
    const one = await gql<{ region: { code: string; name: string | null } | null }>(`{ region(code: "${DOWN.code}") { code name } }`, undefined, gateway);
    expect(one.data?.region?.name ?? null).toBeNull();
    expect(one.errors!.some((e) => e.message.includes(DID_NOT_ANSWER))).toBe(true);
    const own = await gql<Record<string, { name: string } | null>>(`{ r: ${DOWN.code} { name } }`, undefined, gateway);
    expect(own.data?.r ?? null).toBeNull();
    expect(JSON.stringify(own.errors)).toContain(DOWN.code);
    const other = REGIONS.find((x) => x.code !== DOWN.code)!;
    const ok = await gql<{ region: { name: string } }>(`{ region(code: "${other.code}") { name } }`, undefined, gateway);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.region.name).toBe(other.name);
  });

  it('is used again as soon as it is back, and null again when it stops', async () => {
    region = await startRegion();
    const back = await gql<Answer>(QUERY, undefined, gateway);
    expect(back.errors).toBeUndefined();
    expect(back.data!.regions.find((x) => x?.code === DOWN.code)!.name).toBe(DOWN.name);
    expect(back.data!.landscape.missingRegions).toEqual([]);
    expect(back.data!.landscape.meetingFrequencyTable).toEqual(complete);

    await stopChild(region);
    region = undefined;
    expectDown(await gql<Answer>(QUERY, undefined, gateway));
  });

  it('killed under load: every request answers, the aggregates whole every time, and the region is used again when back', async () => {
    region = await startRegion();
    const nullSeen = new Set<string>();
    const load = runLoad(
      gateway,
      { query: QUERY },
      {
        concurrency: 4,
        durationMs: 5000,
        maxRequests: 5000,
        hasData: (json) => {
          const data = json?.data as Answer | undefined;
          for (const r of data?.regions ?? []) if (r && r.name === null) nullSeen.add(r.code);
          // The whole aggregate, every time: the comparison's copy does not depend on the gateway's route to the region.
          const rows = data?.landscape?.meetingFrequencyTable;
          return Array.isArray(rows) && JSON.stringify(rows) === JSON.stringify(complete) && data!.landscape.missingRegions.length === 0;
        },
      },
    );
    await new Promise((r) => setTimeout(r, 1000));
    region.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    region = await startRegion();
    const result = await load;
    expect(result.failures).toBe(0);
    expect(Object.keys(result.statuses)).toEqual(['200']);
    expect(result.withData).toBe(result.sent);
    expect([...nullSeen]).toEqual([DOWN.code]); // the kill was seen, in drill-down only, for that region only
    expect([...result.errorMessages].some((m) => m.includes(DID_NOT_ANSWER))).toBe(true);
    const back = await gql<Answer>(QUERY, undefined, gateway);
    expect(back.errors).toBeUndefined();
    expect(back.data!.regions.find((x) => x?.code === DOWN.code)!.name).toBe(DOWN.name);
  }, 60_000);
});
