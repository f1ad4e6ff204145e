/**
 * The gateway's response cache stays correct: complete answers are served from it, answers with a
 * missing region never are, and a subgraph restart (new code or data) or outage drops it. Runs its
 * own gateway (15500) with a fast version poll, and its own Kalmar subgraph (15502).
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_SCHEMA_PREFIX, testPort } from './support/ports';
import { Services, subgraphUrlEnv } from './support/services';

const GATEWAY_PORT = testPort(15500);
const KALMAR_PORT = testPort(15502);
const POLL_MS = 150;
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const QUERY = '{ landscape { missingRegions meetingFrequencyTable { regionCode bodyName } } }';

// Every process this file starts; afterAll stops them all, also after a failed or timed-out test.
const services = new Services();
let kalmar: ChildProcess | undefined;
const env = (extra: Record<string, string>) => ({
  ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: inject('databaseUrl'), DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
  ...subgraphUrlEnv({ kalmar: `http://127.0.0.1:${KALMAR_PORT}/graphql` }), ...extra,
});
const startKalmar = async () => (await services.start('subgraphs/kalmar', KALMAR_PORT, env({ KALMAR_PORT: String(KALMAR_PORT) }))).child;
const ask = async () => {
  const res = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  return { hit: res.headers.get('x-cache') === 'hit', body: (await res.json()) as { data: { landscape: { missingRegions: string[] } }; errors?: unknown[] } };
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  kalmar = await startKalmar();
  await services.start('gateway', GATEWAY_PORT, env({ GATEWAY_PORT: String(GATEWAY_PORT), RESPONSE_CACHE_POLL_MS: String(POLL_MS) }));
});
afterAll(async () => {
  await services.stopAll();
});

describe('the response cache', () => {
  it('serves a repeated complete answer from the cache, identical to the computed one', async () => {
    const first = await ask();
    const second = await ask();
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.body).toEqual(first.body);
    expect(first.body.data.landscape.missingRegions).toEqual([]);
  });

  it('drops everything when a subgraph stops, never serving a stale complete answer, and never keeps partial answers', async () => {
    await services.stop(kalmar);
    kalmar = undefined;
    await pause(POLL_MS * 3);
    const down1 = await ask();
    const down2 = await ask();
    for (const r of [down1, down2]) {
      expect(r.hit).toBe(false);
      expect(r.body.data.landscape.missingRegions).toEqual(['kalmar']);
    }
  });

  it('starts caching again once the subgraph is back, with its new version', async () => {
    kalmar = await startKalmar();
    await pause(POLL_MS * 3);
    const back = await ask();
    expect(back.hit).toBe(false);
    expect(back.body.data.landscape.missingRegions).toEqual([]);
    expect((await ask()).hit).toBe(true);
  });

  it('a restart of a subgraph (new code or data) drops the cache even with no outage seen', async () => {
    expect((await ask()).hit).toBe(true);
    await services.stop(kalmar);
    kalmar = await startKalmar(); // a quick restart; its /version is new
    await pause(POLL_MS * 3);
    expect((await ask()).hit).toBe(false);
  });

  it('does not serve one query\'s answer to another (variables and operation text are part of the key)', async () => {
    const q = 'query R($c: ID!) { region(code: $c) { code name } }';
    const post = async (c: string) => (await (await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: { c } }) })).json()) as { data: { region: { code: string } } };
    expect((await post('samla')).data.region.code).toBe('samla');
    expect((await post('orebro')).data.region.code).toBe('orebro');
    expect((await post('samla')).data.region.code).toBe('samla');
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
    boundedGateway = await spawnService('gateway', BOUNDED_PORT, env({ GATEWAY_PORT: String(BOUNDED_PORT), RESPONSE_CACHE_MAX_BYTES: String(bytes - 1), RESPONSE_CACHE_POLL_MS: String(POLL_MS) }));
    await pause(POLL_MS * 3);
    const first = await askAt(WIDE);
    expect(first.text).toBe(text);
    expect((await askAt(WIDE)).hit).toBe(false);
    await askAt(NARROW);
    expect((await askAt(NARROW)).hit).toBe(true);
  });
});
