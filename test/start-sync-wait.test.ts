/**
 * A comparison does not wait for a long first sync before it serves: one region answers its
 * /version only after a long delay (as a region of tens of thousands of bodies keeps a sync busy for
 * a minute), the comparison starts with START_SYNC_WAIT_MS=500 and a sync timeout far beyond the
 * test's start timeout. It answers /health at once, serves the other regions fresh, and names the
 * slow one as never synced in freshness, never as an empty region.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { COMPARISON, REGIONS } from '../contract/src/registry';
import { dropSchemas, eventually, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const SLOW = REGIONS.at(-1)!.code;
const PREFIX = 'startwait_';
const PORTS = { slow: testPort(15861), comparison: testPort(15865) };
const COMPARISON_URL = `http://127.0.0.1:${PORTS.comparison}/graphql`;
const services = new Services();
let slow: Server | undefined;

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}comparison`]);
  // Accepts every request and answers none within the test.
  slow = createServer(() => {});
  await new Promise<void>((resolve) => slow!.listen(PORTS.slow, '127.0.0.1', resolve));
  await services.start(
    'subgraphs/comparison',
    PORTS.comparison,
    testServiceEnv(
      PREFIX,
      { [SLOW]: `http://127.0.0.1:${PORTS.slow}/graphql` },
      { COMPARISON_PORT: String(PORTS.comparison), START_SYNC_WAIT_MS: '500', SYNC_TIMEOUT_MS: '120000' },
    ),
    { timeoutMs: 20_000 },
  );
}, 60_000);

afterAll(async () => {
  try {
    await services.stopAll();
    slow?.closeAllConnections();
    await new Promise((resolve) => slow?.close(resolve));
  } finally {
    await dropSchemas(inject('databaseUrl'), [`${PREFIX}comparison`]);
  }
});

describe(`${COMPARISON.code} start with a region whose first sync is slow`, () => {
  it('serves the synced regions fresh and the slow one as never synced', async () => {
    type Freshness = { regionCode: string; dataVersion: string | null; stale: boolean; reason: string | null };
    const ask = async () =>
      (
        await gqlOk<{ landscape: { missingRegions: string[]; freshness: Freshness[] } }>(
          '{ landscape { missingRegions freshness { regionCode dataVersion stale reason } } }',
          undefined,
          COMPARISON_URL,
        )
      ).landscape;
    // Answered at once: the slow region is missing from the first answer on.
    expect((await ask()).missingRegions).toContain(SLOW);
    // The others' sync goes on while the comparison serves, and completes.
    await eventually(async () => expect((await ask()).missingRegions).toEqual([SLOW]), 20_000);
    const data = await ask();
    expect(data.freshness.map((f) => f.regionCode)).toEqual(REGIONS.map((r) => r.code));
    for (const f of data.freshness) {
      if (f.regionCode === SLOW) expect(f).toEqual({ regionCode: SLOW, dataVersion: null, stale: true, reason: 'never synced' });
      else expect(f, f.regionCode).toMatchObject({ dataVersion: expect.any(String), stale: false, reason: null });
    }
  });
});
