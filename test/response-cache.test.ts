/**
 * The gateway's response cache stays correct: complete answers are served from it, answers with a
 * region missing (a null entry and an error in drill-down) never are, and a subgraph restart (new
 * code or data) or outage drops it. With the comparison's read model, the data behind an aggregate
 * also changes without any restart of the comparison (it syncs a region's new data by itself): the
 * cache must not keep serving the answer computed from the old copy once the comparison holds the new
 * one. Runs its own gateway with a fast version poll, its own copy of one region subgraph (own schema,
 * on a copy of its data) and its own comparison (own read model) that syncs from that copy.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS, urlVar } from '../contract/src/registry';
import { dropSchemas, gqlOk } from './support/client';
import { testPort } from './support/ports';

const GATEWAY_PORT = testPort(15500);
const REGION_PORT = testPort(15502);
const COMPARISON_PORT = testPort(15505);
const POLL_MS = 150;
/** Slower than the cache's poll, so the comparison syncs a region's new data well after the gateway saw the region restart. */
const SYNC_MS = 1000;
const PREFIX = 'respcache_';
const REGION = REGIONS[1]!;
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const gateway = url(GATEWAY_PORT);
/** Drill-down (the region's own subgraph) and an aggregate (the comparison's read model). */
const QUERY = '{ regions { code name } landscape { missingRegions meetingFrequencyTable { regionCode bodyName } } }';

type Answer = {
  data: { regions: Array<{ code: string; name: string | null }>; landscape: { missingRegions: string[]; meetingFrequencyTable: unknown[] } };
  errors?: unknown[];
};

let dataDir = '';
const processes: Partial<Record<'region' | 'comparison' | 'gateway', ChildProcess>> = {};
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const urls = inject('subgraphUrls');
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: PREFIX,
    SYNC_INTERVAL_MS: String(SYNC_MS),
    ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), urls[r.code]!])),
    [urlVar(REGION.code)]: url(REGION_PORT),
    COMPARISON_URL: url(COMPARISON_PORT),
    ...extra,
  };
};
const startRegion = async () => {
  processes.region = await spawnService(`subgraphs/${REGION.code}`, REGION_PORT, env({ [portVar(REGION.code)]: String(REGION_PORT), DATA_DIR: dataDir }));
};
const stopRegion = async () => {
  await stopChild(processes.region!);
  processes.region = undefined;
};
const post = async <T>(query: string) => {
  const res = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { hit: res.headers.get('x-cache') === 'hit', body: (await res.json()) as T };
};
const ask = () => post<Answer>(QUERY);
const regionName = (a: Answer) => a.data.regions.find((r) => r.code === REGION.code)!.name;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION.code}`, `${PREFIX}comparison`]);
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-response-cache-'));
  cpSync(join(__dirname, '..', 'subgraphs', REGION.code, 'data'), dataDir, { recursive: true });
  await startRegion();
  processes.comparison = await spawnService('subgraphs/comparison', COMPARISON_PORT, env({ COMPARISON_PORT: String(COMPARISON_PORT) }));
  processes.gateway = await spawnService('gateway', GATEWAY_PORT, env({ GATEWAY_PORT: String(GATEWAY_PORT), RESPONSE_CACHE_POLL_MS: String(POLL_MS) }));
});
afterAll(async () => {
  try {
    await Promise.all(Object.values(processes).map((p) => p && stopChild(p)));
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION.code}`, `${PREFIX}comparison`]);
  }
});

describe('the response cache', () => {
  it('serves a repeated complete answer from the cache, identical to the computed one', async () => {
    const first = await ask();
    const second = await ask();
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.body).toEqual(first.body);
    expect(first.body.errors).toBeUndefined();
    expect(regionName(first.body)).toBe(REGION.name);
    expect(first.body.data.landscape.missingRegions).toEqual([]);
  });

  it('drops everything when a subgraph stops, never serving a stale complete answer, and never keeps partial answers', async () => {
    await stopRegion();
    await pause(POLL_MS * 3);
    const down1 = await ask();
    const down2 = await ask();
    for (const r of [down1, down2]) {
      expect(r.hit).toBe(false);
      // Partial: drill-down has the region null with an error; the aggregate still answers from the comparison's copy.
      expect(regionName(r.body)).toBeNull();
      expect(r.body.errors?.length).toBeGreaterThan(0);
      expect(r.body.data.landscape.missingRegions).toEqual([]);
    }
    // Nor is an answer that does not touch the region served from the cache while it is down.
    const other = '{ regions { code } }';
    expect((await post(other)).hit).toBe(false);
    expect((await post(other)).hit).toBe(false);
  });

  it('starts caching again once the subgraph is back, with its new version', async () => {
    await startRegion();
    await pause(POLL_MS * 3);
    const back = await ask();
    expect(back.hit).toBe(false);
    expect(back.body.errors).toBeUndefined();
    expect(regionName(back.body)).toBe(REGION.name);
    expect((await ask()).hit).toBe(true);
  });

  it('a restart of a subgraph (new code or data) drops the cache even with no outage seen', async () => {
    expect((await ask()).hit).toBe(true);
    await stopRegion();
    await startRegion(); // a quick restart; its /version is new
    await pause(POLL_MS * 3);
    expect((await ask()).hit).toBe(false);
  });

  it('a region restarted on new data: once the comparison has synced it, the cache never serves the aggregate computed from the old copy', async () => {
    const BODIES = `{ landscape { bodies(filter: { regions: ["${REGION.code}"] }, first: 200) { nodes { id name } } } }`;
    type Bodies = { data: { landscape: { bodies: { nodes: Array<{ id: string; name: string }> } } } };
    const names = (b: Bodies) => b.data.landscape.bodies.nodes.map((n) => n.name);
    const file = readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()[0]!;
    const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
    const oldName = data.bodies[0].name as string;
    const newName = `${oldName} (renamed by the response-cache test)`;
    expect(names((await post<Bodies>(BODIES)).body)).toContain(oldName);
    expect((await post<Bodies>(BODIES)).hit).toBe(true); // cached, so the check below can fail

    data.bodies[0].name = newName;
    writeFileSync(join(dataDir, file), JSON.stringify(data, null, 2));
    await stopRegion();
    await startRegion();
    const version = ((await (await fetch(`http://127.0.0.1:${REGION_PORT}/version`)).json()) as { dataVersion: string }).dataVersion;
    // Ask all along, as clients would, while the comparison catches up (asked directly: not through the cache).
    let synced = 0;
    for (const start = Date.now(); !synced && Date.now() - start < 15_000;) {
      await post<Bodies>(BODIES);
      const f = await gqlOk<{ landscape: { freshness: Array<{ regionCode: string; dataVersion: string | null }> } }>(
        '{ landscape { freshness { regionCode dataVersion } } }',
        undefined,
        url(COMPARISON_PORT),
      );
      if (f.landscape.freshness.find((x) => x.regionCode === REGION.code)?.dataVersion === version) synced = Date.now();
      else await pause(25);
    }
    expect(synced).toBeGreaterThan(0);
    // Within a poll interval or two of the sync, every answer (cached or not) has the new data.
    await pause(POLL_MS * 3);
    for (let i = 0; i < 3; i++) {
      const r = await post<Bodies>(BODIES);
      expect(names(r.body), `answer ${i} (${r.hit ? 'from the cache' : 'computed'})`).toContain(newName);
      expect(names(r.body)).not.toContain(oldName);
    }
  }, 60_000);

  it("does not serve one query's answer to another (variables and operation text are part of the key)", async () => {
    const q = 'query R($c: ID!) { region(code: $c) { code name } }';
    const postVars = async (c: string) =>
      (await (
        await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: { c } }) })
      ).json()) as { data: { region: { code: string } } };
    const [a, b] = [REGIONS[0]!.code, REGIONS[REGIONS.length - 1]!.code];
    expect((await postVars(b)).data.region.code).toBe(b);
    expect((await postVars(a)).data.region.code).toBe(a);
    expect((await postVars(b)).data.region.code).toBe(b);
  });
});

describe('the response cache is bounded in bytes, not characters', () => {
  const BOUNDED_PORT = testPort(15503);
  const bounded = `http://127.0.0.1:${BOUNDED_PORT}/graphql`;
  const WIDE = '{ regions { code name } }'; // names with Ö and –: more bytes than characters
  const NARROW = '{ regions { code } }';
  let boundedGateway: ChildProcess | undefined;
  const askAt = async (query: string) => {
    const res = await fetch(bounded, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { hit: res.headers.get('x-cache') === 'hit', text: await res.text() };
  };

  afterAll(async () => {
    if (boundedGateway) await stopChild(boundedGateway);
  });

  it('an answer with more bytes than the bound is never kept, even when its characters fit; a small one is', async () => {
    const res = await fetch(inject('gatewayUrl'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: WIDE }) });
    const text = await res.text();
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(bytes).toBeGreaterThan(text.length);
    boundedGateway = await spawnService(
      'gateway',
      BOUNDED_PORT,
      env({ GATEWAY_PORT: String(BOUNDED_PORT), RESPONSE_CACHE_MAX_BYTES: String(bytes - 1), RESPONSE_CACHE_POLL_MS: String(POLL_MS) }),
    );
    await pause(POLL_MS * 3);
    const first = await askAt(WIDE);
    expect(first.text).toBe(text);
    expect((await askAt(WIDE)).hit).toBe(false);
    await askAt(NARROW);
    expect((await askAt(NARROW)).hit).toBe(true);
  });
});
