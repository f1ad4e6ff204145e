/**
 * Valid but expensive input never takes the gateway down. The 2.4 kB query (15 aliases of
 * `landscape`, every aggregate) is refused by the work estimate; its worst variants within every
 * limit, at 2, 10 and 50 concurrent clients for a bounded time, get answers or clear refusals
 * (413, 429, 503 with Retry-After), the gateway and the subgraphs stay up, and a cheap query sent
 * alongside still gets correct answers. Runs its own gateways (15700, 15701) on the test subgraphs.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInterfaceType, isNonNullType, isScalarType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { REGIONS } from '../contract/src/registry';
import { testPort } from './support/ports';
import { GRAPHQL_RESPONSE_JSON } from './support/client';

const GATEWAY_PORT = testPort(15700);
const SMALL_BUDGET_PORT = testPort(15701);
const ONE_SLOT_PORT = testPort(15702);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;

/** Every aggregate of Landscape with every field three levels down: the fragment of the heavy query. */
function landscapeFragment(): string {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
  const sel = (type: GraphQLOutputType, depth: number): string => {
    const t = getNamedType(type);
    if (depth <= 0 || !('getFields' in t)) return '';
    return Object.values(t.getFields() as Record<string, GraphQLField<unknown, unknown>>)
      .filter((f) => !f.args.some((a) => isNonNullType(a.type)) && !isInterfaceType(getNamedType(f.type)))
      .map((f) => {
        const n = getNamedType(f.type);
        if (isScalarType(n) || isEnumType(n)) return f.name;
        const s = sel(f.type, depth - 1);
        return s ? `${f.name} { ${s} }` : '';
      })
      .filter(Boolean)
      .join(' ');
  };
  const landscape = schema.getType('Landscape') as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
  const parts = Object.values(landscape.getFields())
    .filter((f) => f.name !== 'id' && f.name !== 'regions')
    .map((f) => {
      // The required arguments: every region for differences, a word every document uses for search.
      const required: Record<string, string> = { differences: `(regions: ${JSON.stringify(REGIONS.map((r) => r.code))})`, search: '(text: "samverkan")' };
      const args = required[f.name] ?? '';
      const s = sel(f.type, 3);
      return s ? `${f.name}${args} { ${s} }` : f.name;
    });
  return `fragment L on Landscape { ${parts.join(' ')} }`;
}
const FRAGMENT = landscapeFragment();
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: landscape { ...L }`).join(' ')} } ${FRAGMENT}`;
const HEAVY = aliases(15);
const CHEAP = '{ regions { code name } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  json: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}
async function post(body: unknown, client: string, url = gateway): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE_JSON, 'x-forwarded-for': client },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as Answer['json'] };
}

let gatewayProcess: ChildProcess | undefined;
let smallBudget: ChildProcess | undefined;
let oneSlot: ChildProcess | undefined;
const env = (port: number, extra: Record<string, string> = {}) => {
  const urls = inject('subgraphUrls');
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: String(port),
    TRUST_PROXY: 'true',
    RATE_LIMIT_MAX: '300',
    OREBRO_URL: urls.orebro!,
    KALMAR_URL: urls.kalmar!,
    HOGLANDET_URL: urls.hoglandet!,
    SAMLA_URL: urls.samla!,
    COMPARISON_URL: urls.comparison!,
    ...extra,
  };
};

beforeAll(async () => {
  gatewayProcess = await spawnService('gateway', GATEWAY_PORT, env(GATEWAY_PORT));
  smallBudget = await spawnService('gateway', SMALL_BUDGET_PORT, env(SMALL_BUDGET_PORT, { MAX_RESPONSE_BYTES: '50000', RESPONSE_CACHE: 'false' }));
  oneSlot = await spawnService('gateway', ONE_SLOT_PORT, env(ONE_SLOT_PORT, { MAX_CONCURRENT_EXPENSIVE: '1', EXPENSIVE_QUEUE: '0', RESPONSE_CACHE: 'false' }));
}, 120_000);
afterAll(async () => {
  await Promise.all([gatewayProcess, smallBudget, oneSlot].map((p) => (p ? stopChild(p) : undefined)));
});

async function cheapIsCorrect(client = '10.200.0.1') {
  const r = await post({ query: CHEAP }, client);
  expect(r.status).toBe(200);
  expect(r.json.data!.regions.map((x: { code: string }) => x.code)).toEqual(REGIONS.map((x) => x.code));
}

async function everyServiceUp() {
  for (const url of [gateway, ...Object.values(inject('subgraphUrls'))]) {
    expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  }
}

/**
 * The most aliases of the whole Landscape fragment the work estimate admits (MAX_WORK): the fragment grows
 * with the schema, so the count is found by asking, from 1 up (at most 14 requests, once per file).
 */
let worstQuery: Promise<string> | undefined;
const worstWithinLimits = () =>
  (worstQuery ??= (async () => {
    let worst = aliases(1);
    for (let k = 2; k < 15; k++) {
      const r = await post({ query: aliases(k) }, '10.200.0.1');
      if (r.status === 400 && r.json.errors?.[0]?.extensions?.code === 'QUERY_TOO_EXPENSIVE') break;
      worst = aliases(k);
    }
    return worst;
  })());

describe('demand control', () => {
  it('the 2.4 kB heavy query (15 aliases of landscape) is refused with a clear 400 before any work', async () => {
    expect(HEAVY.length).toBeGreaterThan(2000);
    const r = await post({ query: HEAVY }, '10.100.0.1');
    expect(r.status).toBe(400);
    expect(r.json.errors![0]!.extensions!.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(r.json.errors![0]!.message).toMatch(/too expensive/);
    // A request error: as application/json (GraphQL over HTTP's legacy media type) the same answer is a 200.
    const legacy = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': '10.100.0.1' },
      body: JSON.stringify({ query: HEAVY }),
    });
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as Answer['json']).errors![0]!.extensions!.code).toBe('QUERY_TOO_EXPENSIVE');
    await cheapIsCorrect();
  });

  it('an answer over the response budget gets a 413, and the gateway goes on serving', async () => {
    const r = await post({ query: aliases(1) }, '10.100.0.2', `http://127.0.0.1:${SMALL_BUDGET_PORT}/graphql`);
    expect(r.status).toBe(413);
    expect(r.json.errors![0]!.extensions!.code).toBe('RESPONSE_TOO_LARGE');
    expect(r.json.data).toBeUndefined();
    const small = await post({ query: CHEAP }, '10.100.0.2', `http://127.0.0.1:${SMALL_BUDGET_PORT}/graphql`);
    expect(small.status).toBe(200);
  });

  it('expensive work beyond the slots and the queue gets 503 with Retry-After; identical requests are merged, not shed; cheap ones are answered', async () => {
    const url = `http://127.0.0.1:${ONE_SLOT_PORT}/graphql`;
    const distinct = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post({ query: aliases(1).replace('{', `{ distinct${i}: __typename `) }, `10.160.0.${i}`, url)),
    );
    const shed = distinct.filter((r) => r.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const r of shed) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.json.errors![0]!.extensions!.code).toBe('SERVICE_OVERLOADED');
    }
    expect(distinct.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    const same = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.161.0.${i}` },
          body: JSON.stringify({ query: aliases(1) }),
        });
        return { status: res.status, merged: res.headers.get('x-merged') === 'true', body: await res.text() };
      }),
    );
    expect(same.map((r) => r.status)).toEqual(same.map(() => 200));
    expect(same.some((r) => r.merged)).toBe(true);
    expect(new Set(same.map((r) => r.body)).size).toBe(1);
    const cheap = await post({ query: CHEAP }, '10.160.1.1', url);
    expect(cheap.status).toBe(200);
  }, 60_000);

  it.each([2, 10, 50])(
    '%i concurrent clients sending the worst variants within the limits: everything stays up, a cheap query stays correct',
    async (clients) => {
      const worst = await worstWithinLimits();
      const deadline = Date.now() + 8_000;
      const statuses: Record<number, number> = {};
      const failures: string[] = [];
      let n = 0;
      const worker = async (i: number) => {
        while (Date.now() < deadline) {
          n++;
          // Unique padding defeats the cache and merging; every third request is identical across clients (merged).
          const variant = n % 3 === 0 ? worst : worst.replace('{', `{ v${i}x${n}: __typename `); // distinct operations: no merging
          try {
            const r = await post({ query: variant }, `10.1.${i}.1`);
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            // Merged or not, every alias of one answer is the same (with one alias admitted: it is whole).
            if (r.status === 200) expect(r.json.data!.a1 ?? r.json.data!.a0).toEqual(r.json.data!.a0);
            else if (r.status === 503 || r.status === 429) expect(Number(r.retryAfter)).toBeGreaterThan(0);
            else expect(r.status).toBe(413);
          } catch (e) {
            failures.push((e as Error).message);
          }
        }
      };
      const cheap = async () => {
        let answered = 0;
        while (Date.now() < deadline || answered === 0) {
          await cheapIsCorrect();
          answered++;
        }
        return answered;
      };
      const [, answered] = await Promise.all([Promise.all(Array.from({ length: clients }, (_, i) => worker(i))), cheap()]);
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(0);
      expect(statuses[200] ?? 0).toBeGreaterThan(0);
      await everyServiceUp();
      await cheapIsCorrect();
    },
    180_000,
  );

  it('a client over its rate limit gets 429 with Retry-After; another client is still served', async () => {
    let limited: Answer | undefined;
    for (let i = 0; i < 400 && !limited; i++) {
      const r = await post({ query: 'query R($c: ID!) { region(code: $c) { code } }', variables: { c: `x${i}` } }, '10.150.0.1');
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.retryAfter)).toBeGreaterThan(0);
    expect(limited!.json.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    await cheapIsCorrect('10.150.0.2');
  }, 120_000);
});
