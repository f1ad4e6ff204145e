/**
 * The read model knows which code derived it (subgraphs/comparison/src/read-model/derivation.ts). A copy's
 * precomputed groups are tampered with in PostgreSQL, as older code would have derived them otherwise:
 * - with this code's derivation recorded, the comparison serves them (nothing else tells it the groups
 *   are wrong: the region's data version is unchanged), which is why the derivation must change with
 *   the code;
 * - with another derivation recorded and the region unreachable, the copy is served stale, and
 *   freshness says why;
 * - with another derivation recorded and the region reachable, a restarted comparison derives the copy
 *   again at start, says so in its log, and answers as before the tampering.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { REGIONS, urlVar } from '../contract/src/registry';
import { dropSchemas, eventually, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv, type Service } from './support/services';

const PREFIX = 'derivation_';
const SCHEMA = `${PREFIX}comparison`;
const PORT = testPort(15905);
const URL = `http://127.0.0.1:${PORT}/graphql`;
const REGION = REGIONS[0]!.code;
const services = new Services();

type Freshness = { regionCode: string; stale: boolean; reason: string | null };
type Answer = {
  landscape: { staleRegions: string[]; freshness: Freshness[]; frequencySummary: { regions: Array<{ regionCode: string; bodyCount: number }> } };
};
const QUERY = '{ landscape { staleRegions freshness { regionCode stale reason } frequencySummary { regions { regionCode bodyCount } } } }';
const bodyCount = (a: Answer) => a.landscape.frequencySummary.regions.find((r) => r.regionCode === REGION)?.bodyCount;

async function sql(text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function start(extra: Record<string, string> = {}, logLevel = 'silent'): Promise<Service> {
  return services.start('subgraphs/comparison', PORT, testServiceEnv(PREFIX, {}, { COMPARISON_PORT: String(PORT), LOG_LEVEL: logLevel, ...extra }));
}

/** Once every region is synced and fresh. */
async function settled(): Promise<Answer> {
  let answer: Answer | undefined;
  await eventually(
    async () => {
      answer = await gqlOk<Answer>(QUERY, undefined, URL);
      expect(answer.landscape.freshness.every((f) => !f.stale)).toBe(true);
    },
    30_000,
    200,
  );
  return answer!;
}

const tamper = (derivation: string | null) =>
  Promise.all([
    sql(`update "${SCHEMA}"."agg_group" set data = jsonb_set(data, '{bodyCount}', '999') where aggregate = 'frequencySummary' and region_code = $1`, [REGION]),
    derivation === null ? Promise.resolve([]) : sql(`update "${SCHEMA}"."region_sync" set derivation = $2 where region_code = $1`, [REGION, derivation]),
  ]);

beforeAll(() => dropSchemas(inject('databaseUrl'), [SCHEMA]));
afterAll(async () => {
  try {
    await services.stopAll();
  } finally {
    await dropSchemas(inject('databaseUrl'), [SCHEMA]);
  }
});

describe('the read model re-derives a copy that other code derived', () => {
  let truth: number;
  let derivation: string;

  it('records the derivation of each copy', async () => {
    const first = await start();
    truth = bodyCount(await settled())!;
    expect(truth).not.toBe(999);
    const rows = await sql(`select region_code, derivation from "${SCHEMA}"."region_sync" order by region_code`);
    expect(rows.map((r) => r.region_code)).toEqual(REGIONS.map((r) => r.code).sort());
    derivation = String(rows[0]!.derivation);
    expect(derivation).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(rows.map((r) => r.derivation))).toEqual(new Set([derivation]));
    await services.stop(first.child);
  });

  it('serves groups it believes its own code derived (why the derivation must follow the code)', async () => {
    await tamper(null);
    const second = await start();
    expect(bodyCount(await settled())).toBe(999);
    await services.stop(second.child);
  });

  it('serves a copy that other code derived as stale, with the reason, while the region is away', async () => {
    await tamper('0123456789ab');
    const third = await start({ [urlVar(REGION)]: `http://127.0.0.1:${testPort(15906)}/graphql` });
    await eventually(
      async () => {
        const a = await gqlOk<Answer>(QUERY, undefined, URL);
        expect(a.landscape.staleRegions).toEqual([REGION]);
        const f = a.landscape.freshness.find((x) => x.regionCode === REGION)!;
        expect(f.stale).toBe(true);
        expect(f.reason).toContain('derived by other code of the comparison (derivation 0123456789ab');
      },
      20_000,
      200,
    );
    await services.stop(third.child);
  });

  it('derives it again at start when the region answers, and says so in its log', async () => {
    const fourth = await start({}, 'info');
    expect(bodyCount(await settled())).toBe(truth);
    expect(fourth.output()).toContain('derived by other code of the comparison (derivation 0123456789ab');
    const rows = await sql(`select derivation from "${SCHEMA}"."region_sync" where region_code = $1`, [REGION]);
    expect(rows[0]!.derivation).toBe(derivation);
  });
});
