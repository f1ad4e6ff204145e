/**
 * The metrics an operator scrapes, through real HTTP after real queries: a gateway (response cache on,
 * at most two operation names labelled) and a comparison of this file's own, the regions the test
 * federation's. The series and their values follow from the requests made here. And every metric the
 * Grafana dashboard (deploy/grafana/samverkan.json) queries is in a scrape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPARISON, GATEWAY, portVar, REGIONS } from '../contract/src/registry';
import { dropSchemas, eventually } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const PREFIX = 'metrics_';
const PORTS = { gateway: testPort(16220), comparison: testPort(16225) };
const base = (port: number) => `http://127.0.0.1:${port}`;
const services = new Services();

/** The value of the series `name` whose labels include `labels`; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const scrape = async (port: number) => (await fetch(`${base(port)}/metrics`)).text();
// Accept: application/graphql-response+json, the media type whose request errors are 400 (GraphQL over HTTP).
const post = (query: string) =>
  fetch(`${base(PORTS.gateway)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${COMPARISON.code}`]);
  const env = (extra: Record<string, string>) => testServiceEnv(PREFIX, { [COMPARISON.code]: `${base(PORTS.comparison)}/graphql` }, extra);
  const timeoutMs = 150_000; // a loaded machine
  await services.start(COMPARISON.dir, PORTS.comparison, env({ [portVar(COMPARISON.code)]: String(PORTS.comparison) }), { timeoutMs });
  await services.start(
    GATEWAY.dir,
    PORTS.gateway,
    env({ [portVar(GATEWAY.code)]: String(PORTS.gateway), RESPONSE_CACHE: 'true', METRICS_MAX_OPERATIONS: '2' }),
    { timeoutMs },
  );
}, 400_000);
afterAll(async () => {
  await services.stopAll();
});

describe("the gateway's metrics", () => {
  let text = '';
  let hitBytes = 0;

  beforeAll(async () => {
    // The comparison's data version changes while its first syncs complete, and the gateway's cache is
    // dropped at each change (it polls every second): start once it holds every region, two polls later.
    await eventually(async () => {
      const comparison = await scrape(PORTS.comparison);
      for (const r of REGIONS) expect(sample(comparison, 'samverkan_comparison_region_data_version_info', { region: r.code }), r.code).toBe(1);
    }, 60_000);
    await new Promise((r) => setTimeout(r, 2500));
    // MetricsOne: a miss (the comparison, then every region for the names), then a hit (no subgraph call).
    const one = 'query MetricsOne { regions { code name } }';
    expect((await post(one)).headers.get('x-cache')).toBeNull();
    const hit = await post(one);
    expect(hit.headers.get('x-cache')).toBe('hit');
    hitBytes = (await hit.arrayBuffer()).byteLength;
    expect((await post('query MetricsTwo { landscape { freshness { regionCode } } }')).status).toBe(200);
    // A third name: over METRICS_MAX_OPERATIONS=2, labelled (other).
    expect((await post('query MetricsThree { regions { code } }')).status).toBe(200);
    // Anonymous and invalid: a 400 with GRAPHQL_VALIDATION_FAILED, no subgraph call.
    expect((await post('{ regions { noSuchField } }')).status).toBe(400);
    // The duration of a request is observed when its response has finished.
    await eventually(async () => {
      text = await scrape(PORTS.gateway);
      expect(sample(text, 'samverkan_gateway_request_duration_seconds_count', { operation: '(anonymous)' })).toBe(1);
    });
  });

  it('request durations per operation name and status, names bounded', () => {
    const count = (operation: string, status: string) => sample(text, 'samverkan_gateway_request_duration_seconds_count', { operation, status });
    expect(count('MetricsOne', '200')).toBe(2);
    expect(count('MetricsTwo', '200')).toBe(1);
    expect(count('(other)', '200')).toBe(1);
    expect(count('(anonymous)', '400')).toBe(1);
    expect(sample(text, 'samverkan_gateway_request_duration_seconds_count', { operation: 'MetricsThree' })).toBeUndefined();
    expect(sample(text, 'samverkan_gateway_request_duration_seconds_bucket', { operation: 'MetricsOne', status: '200', le: '+Inf' })).toBe(2);
  });

  it('subgraph calls per subgraph: the comparison three times, each region once', () => {
    const calls = (subgraph: string) => sample(text, 'samverkan_gateway_subgraph_request_duration_seconds_count', { subgraph, outcome: 'ok' });
    expect(calls(COMPARISON.code)).toBe(3);
    for (const r of REGIONS) expect(calls(r.code), r.code).toBe(1);
    expect(sample(text, 'samverkan_gateway_subgraph_request_duration_seconds_count', { outcome: 'network_error' })).toBeUndefined();
  });

  it('errors by code', () => {
    expect(sample(text, 'samverkan_gateway_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(text.split('\n').filter((l) => l.startsWith('samverkan_gateway_errors_total{'))).toHaveLength(1);
  });

  it('the response cache: hits, misses (or bypassed), bytes answered from it, entries held', () => {
    expect(sample(text, 'samverkan_gateway_response_cache_hits_total')).toBe(1);
    // The other four requests: misses, or answered without the cache while a subgraph's /version did not
    // answer the last poll (1 s timeout; on a loaded machine).
    expect(sample(text, 'samverkan_gateway_response_cache_misses_total')! + sample(text, 'samverkan_gateway_response_cache_bypassed_total')!).toBe(4);
    expect(sample(text, 'samverkan_gateway_response_cache_hit_bytes_total')).toBe(hitBytes);
    // The three complete answers; the invalid request's is not kept. (A poll that went unanswered drops them all.)
    if (sample(text, 'samverkan_gateway_response_cache_bypassed_total') === 0) expect(sample(text, 'samverkan_gateway_response_cache_entries')).toBe(3);
  });

  it('the expensive-work queue: nothing waiting, the slots configured, nothing shed', () => {
    expect(sample(text, 'samverkan_gateway_expensive_queued')).toBe(0);
    expect(sample(text, 'samverkan_gateway_expensive_active')).toBe(0);
    expect(sample(text, 'samverkan_gateway_expensive_slots')).toBe(2); // MAX_CONCURRENT_EXPENSIVE's default
  });
});

describe("the comparison's sync metrics", () => {
  it('per region: one replacement of its copy (a new read model), its data version, a lag under a few intervals', async () => {
    const urls = inject('subgraphUrls');
    await eventually(async () => {
      const text = await scrape(PORTS.comparison);
      for (const r of REGIONS) {
        const { dataVersion } = (await (await fetch(new URL('/version', urls[r.code]!))).json()) as { dataVersion: string };
        expect(sample(text, 'samverkan_comparison_region_data_version_info', { region: r.code, data_version: dataVersion }), r.code).toBe(1);
        expect(text.split('\n').filter((l) => l.startsWith(`samverkan_comparison_region_data_version_info{region="${r.code}"`))).toHaveLength(1);
        expect(sample(text, 'samverkan_comparison_sync_duration_seconds_count', { region: r.code, outcome: 'ok' }), r.code).toBe(1);
        // SYNC_INTERVAL_MS is 200 here: a confirmed copy is at most a round or two old.
        expect(sample(text, 'samverkan_comparison_sync_lag_seconds', { region: r.code }), r.code).toBeLessThan(5);
      }
    }, 30_000);
  });
});

describe('the Grafana dashboard', () => {
  it('is valid JSON whose every query names metrics the services expose', async () => {
    const dashboard = JSON.parse(readFileSync(join(__dirname, '..', 'deploy', 'grafana', 'samverkan.json'), 'utf8')) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(0);
    const scraped = [
      await scrape(PORTS.gateway),
      await scrape(PORTS.comparison),
      await (await fetch(new URL('/metrics', inject('subgraphUrls')[REGIONS[0]!.code]!))).text(),
    ].join('\n');
    // A series, or a metric declared (# TYPE) that has none yet: a counter nothing has counted, a histogram's parts.
    const exposed = new Set(
      scraped
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => /^[a-zA-Z_:][\w:]*/.exec(l)![0]),
    );
    for (const [, name, type] of scraped.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      for (const suffix of type === 'histogram' ? ['_bucket', '_sum', '_count'] : ['']) exposed.add(`${name}${suffix}`);
    }
    const queried = new Set(exprs.flatMap((e) => [...e.matchAll(/\b(samverkan_\w+|process_\w+|nodejs_\w+)/g)].map((m) => m[1]!)));
    expect(queried.size).toBeGreaterThan(0);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
