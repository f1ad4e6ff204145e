/**
 * Fairness, behaviourally (no timing): a gateway with one expensive slot and a queue of two, whose
 * comparison is reached through a proxy that holds the expensive operations' subgraph calls until the
 * test lets them go. While one expensive operation runs and two wait:
 *   - a cheap query is answered (it never waits behind expensive work);
 *   - the same expensive operation again (other variables: the very same request would be merged) is
 *     refused at once from the known cost of its operation, by the known-cost check and then, the same
 *     bytes again, by the front door, with no GraphQL work: the metric of known-cost refusals counts them;
 *   - a freed slot goes to the waiting operation with the least work, not the first in line.
 * An operation over MAX_WORK is refused by Apollo once and by its known cost after.
 * Runs its own gateway and proxy (15730, 15731) on the test subgraphs.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { REGIONS } from '../contract/src/registry';
import { readCounter } from '../shared/src/metrics';
import { SECRET_HEADER } from '../shared/src/server';
import { testPort } from './support/ports';
import { eventually, GRAPHQL_RESPONSE_JSON } from './support/client';

const PROXY_PORT = testPort(15730);
const GATEWAY_PORT = testPort(15731);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const secret: Record<string, string> = process.env.SUBGRAPH_SECRET ? { [SECRET_HEADER]: process.env.SUBGRAPH_SECRET } : {};

/** Expensive (EXPENSIVE_WORK 100 below): one aggregate is 102, two 203. The alias marks the subgraph call. */
const A = '{ holdA: landscape { missingRegions } }';
const B = '{ holdB: landscape { missingRegions staleRegions } }';
const D = '{ holdD: landscape { missingRegions } }';
const TOO_EXPENSIVE = `{ ${Array.from({ length: 6 }, (_, i) => `t${i}: landscape { missingRegions }`).join(' ')} }`;

/** The comparison behind a proxy that holds every call naming a `hold<X>` alias until released. */
const held = new Map<string, () => void>();
const arrived: string[] = [];
let proxy: Server;
let gatewayProcess: ChildProcess | undefined;

function startProxy(target: URL): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = () => {
        const out = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        out.on('error', () => res.destroy());
        out.end(body);
      };
      const mark = /hold([A-Z])/.exec(body.toString('utf8'))?.[1];
      if (!mark) return forward();
      arrived.push(mark);
      held.set(mark, forward);
    });
  });
  return new Promise((resolve) => server.listen(PROXY_PORT, '127.0.0.1', () => resolve(server)));
}

const post = async (query: string, accept = GRAPHQL_RESPONSE_JSON, variables?: Record<string, unknown>) => {
  const res = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return {
    status: res.status,
    refused: res.headers.get('x-refused'),
    json: (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string; requestId?: string } }> },
  };
};
const metrics = async () => (await fetch(`http://127.0.0.1:${GATEWAY_PORT}/metrics`, { headers: secret })).text();
const gauge = async (name: string) => readCounter(await metrics(), name);
const knownCostRefusals = async (reason: string) => {
  const line = (await metrics()).split('\n').find((l) => l.startsWith('samverkan_gateway_known_cost_refusals_total{') && l.includes(`reason="${reason}"`));
  return Number(line?.split(' ').at(-1));
};
const release = (mark: string) => {
  const go = held.get(mark);
  held.delete(mark);
  go?.();
};

beforeAll(async () => {
  const urls = inject('subgraphUrls');
  proxy = await startProxy(new URL(urls.comparison!));
  gatewayProcess = await spawnService(
    'gateway',
    GATEWAY_PORT,
    {
      // As deployed (production: no stack traces in errors, so Apollo's refusal and the known-cost one are the same bytes).
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      GATEWAY_PORT: String(GATEWAY_PORT),
      RESPONSE_CACHE: 'false',
      RATE_LIMIT_MAX: '0',
      MAX_CONCURRENT_EXPENSIVE: '1',
      EXPENSIVE_QUEUE: '2',
      EXPENSIVE_QUEUE_WAIT_MS: '60000',
      EXPENSIVE_WORK: '100',
      MAX_WORK: '500',
      OREBRO_URL: urls.orebro!,
      KALMAR_URL: urls.kalmar!,
      HOGLANDET_URL: urls.hoglandet!,
      SAMLA_URL: urls.samla!,
      COMPARISON_URL: `http://127.0.0.1:${PROXY_PORT}/graphql`,
    },
    'ignore',
    240_000,
  );
}, 300_000);
afterAll(async () => {
  for (const mark of [...held.keys()]) release(mark);
  if (gatewayProcess) await stopChild(gatewayProcess);
  await new Promise((r) => proxy?.close(r));
});

describe('fairness under expensive load', () => {
  it('a cheap query is answered while expensive work runs and waits; known expensive work is refused without GraphQL work; the least work goes first', async () => {
    const a = post(A);
    await eventually(async () => expect(arrived).toEqual(['A']));
    const b = post(B);
    await eventually(async () => expect(await gauge('samverkan_gateway_expensive_queued')).toBe(1));
    const d = post(D);
    await eventually(async () => expect(await gauge('samverkan_gateway_expensive_queued')).toBe(2));

    // Cheap work does not queue behind the expensive: answered while one runs and two wait.
    const cheap = await post('{ regions { code name } }');
    expect(cheap.status).toBe(200);
    expect(cheap.json.data.regions.map((r: { code: string }) => r.code)).toEqual(REGIONS.map((r) => r.code));
    expect(await gauge('samverkan_gateway_expensive_queued')).toBe(2);
    expect(await gauge('samverkan_gateway_expensive_active')).toBe(1);

    // B's operation again, with other variables (the very same request would be merged with B's): its work
    // is known and the queue is full. Refused by the known-cost check, then (the same bytes again) by the front door.
    expect(await knownCostRefusals('queue')).toBe(0);
    for (let i = 0; i < 2; i++) {
      const again = await post(B, GRAPHQL_RESPONSE_JSON, { again: true });
      expect(again.status).toBe(503);
      expect(again.refused).toBe('known-cost');
      expect(again.json.errors![0]!.extensions!.code).toBe('SERVICE_OVERLOADED');
      expect(again.json.errors![0]!.extensions!.requestId).toBeTruthy();
    }
    expect(await knownCostRefusals('queue')).toBe(2);

    // The slot A frees goes to D (work 102), which came after B (work 203).
    release('A');
    expect((await a).status).toBe(200);
    await eventually(async () => expect(arrived).toEqual(['A', 'D']));
    release('D');
    await eventually(async () => expect(arrived).toEqual(['A', 'D', 'B']));
    release('B');
    for (const r of [await b, await d]) {
      expect(r.status).toBe(200);
      expect(r.json.errors).toBeUndefined();
    }
  }, 120_000);

  it('an operation over MAX_WORK is refused by Apollo once, then by its known cost, with the same answer', async () => {
    const first = await post(TOO_EXPENSIVE);
    expect(first.status).toBe(400);
    expect(first.refused).toBeNull();
    expect(await knownCostRefusals('too_expensive')).toBe(0);
    const again = await post(TOO_EXPENSIVE);
    expect(again.status).toBe(400);
    expect(again.refused).toBe('known-cost');
    const strip = (j: typeof first.json) => JSON.stringify(j.errors!.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: undefined } })));
    expect(strip(again.json)).toBe(strip(first.json));
    // A request error: 200 under application/json, as Apollo answers it.
    const legacy = await post(TOO_EXPENSIVE, 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.json.errors![0]!.extensions!.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(await knownCostRefusals('too_expensive')).toBe(2);
  });
});
