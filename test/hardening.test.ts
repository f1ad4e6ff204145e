/**
 * Bad input never takes a service down and always gets a clear answer; GraphQL over HTTP compliance
 * (graphql-http's audit suite); production mode; the gateway-only shared secret.
 */
import { connect, type Socket } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { GRAPHQL_RESPONSE_JSON, gql, gqlOk } from './support/client';
import { TEST_SCHEMA_PREFIX, testPort } from './support/ports';
import { Services, subgraphUrlEnv } from './support/services';

const post = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }, url = inject('gatewayUrl')) =>
  fetch(url, { method: 'POST', headers, body });

async function stillServes() {
  const r = await gql<{ landscape: { missingRegions: string[] } }>('{ landscape { missingRegions } }');
  expect(r.status).toBe(200);
  expect(r.data!.landscape.missingRegions).toEqual([]);
}

describe('bad input at the gateway', () => {
  it.each([
    ['malformed JSON', '{"query": "{ regions { code }"', 400, 400, /not valid JSON/],
    ['an empty body', '', 400, 400, /./],
    ['a JSON array when batching is off', JSON.stringify([{ query: '{ regions { code } }' }, { query: '{ regions { code } }' }]), 400, 400, /batch/i],
    ['no query', JSON.stringify({ variables: {} }), 400, 400, /query/i],
    ['a syntax error', JSON.stringify({ query: '{ regions { code ' }), 400, 200, /Syntax Error/],
    ['an unknown field', JSON.stringify({ query: '{ regions { nope } }' }), 400, 200, /Cannot query field/],
    [
      'invalid variables',
      JSON.stringify({ query: 'query Q($c: ID!) { region(code: $c) { code } }', variables: { c: { nested: true } } }),
      400,
      200,
      /Variable "\$c"/,
    ],
    ['an unknown operation name', JSON.stringify({ query: 'query A { regions { code } }', operationName: 'B' }), 400, 200, /Unknown operation named "B"/],
    ['a mutation (the API answers queries only)', JSON.stringify({ query: 'mutation { regions { code } }' }), 400, 200, /queries only.*mutation/],
    ['a subscription', JSON.stringify({ query: 'subscription { regions { code } }' }), 400, 200, /queries only.*subscription/],
    [
      'two operations without operationName',
      JSON.stringify({ query: 'query A { regions { code } } query B { regions { name } }' }),
      400,
      200,
      /operation name/,
    ],
    [
      'a Float literal out of range (1e400)',
      JSON.stringify({ query: '{ landscape { meetingFrequencyTable(filter: { meetsAtLeast: 1e400 }) { rank } } }' }),
      400,
      200,
      /out of range/,
    ],
    [
      'an integer literal too large for a Float',
      JSON.stringify({ query: `{ landscape { meetingFrequencyTable(filter: { meetsAtMost: 1${'0'.repeat(400)} }) { rank } } }` }),
      400,
      200,
      /out of range/,
    ],
    [
      'a Float variable out of range',
      '{"query":"query Q($f: Float) { landscape { meetingFrequencyTable(filter: { meetsAtLeast: $f }) { rank } } }","variables":{"f":1e400}}',
      400,
      200,
      /Float cannot represent/,
    ],
  ])('%s gets a clear message: %i as application/graphql-response+json, %i as application/json', async (_name, body, status, jsonStatus, message) => {
    // GraphQL over HTTP: a request that is not well-formed is a 400 under both media types; a GraphQL
    // request error (no data) is a 400 under graphql-response+json and a 200 under application/json.
    for (const [accept, expected] of [
      [GRAPHQL_RESPONSE_JSON, status],
      ['application/json', jsonStatus],
    ] as const) {
      const res = await post(body, { 'content-type': 'application/json', accept });
      expect(res.status, accept).toBe(expected);
      const json = (await res.json()) as { data?: unknown; errors: Array<{ message: string }> };
      expect(json.errors[0]!.message).toMatch(message);
      expect(json).not.toHaveProperty('data');
    }
    await stillServes();
  });

  it('a body over the limit gets 413', async () => {
    const res = await post(JSON.stringify({ query: `{ regions { code } } # ${'x'.repeat(200_000)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/larger than/);
    await stillServes();
  });

  it('a wrong content type is refused (CSRF prevention stays on)', async () => {
    const res = await post('{"query":"{ regions { code } }"}', { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    await stillServes();
  });

  it('a deep query is refused by the depth limit', async () => {
    // The deepest real question passes ...
    const real = await gql('{ region(code: "orebro") { ... on OrebroRegion { bodies { parent { source { quote } } } } } }');
    expect(real.status).toBe(200);
    // ... a recursive introspection bomb does not.
    const bomb = `{ __type(name: "Body") { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } }`;
    const r = await gql(bomb);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.message).toMatch(/depth/i);
    await stillServes();
  });

  it('an alias bomb is refused', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: regions { code }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.message).toMatch(/alias/i);
    await stillServes();
  });

  it('a token flood is refused', async () => {
    const fields = Array.from({ length: 3000 }, () => 'code').join(' ');
    const r = await gql(`{ regions { ${fields} } }`);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.message).toMatch(/token/i);
    await stillServes();
  });

  it('a directive flood is refused', async () => {
    const r = await gql(`{ regions { code ${'@include(if: true) '.repeat(60)} } }`);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.message).toMatch(/directive/i);
    await stillServes();
  });

  it('odd unicode in arguments is just data: an unknown region code is a clear client error naming the known codes', async () => {
    const known = REGIONS.map((x) => x.code);
    const unknownCode = (r: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => {
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^Unknown region code\(s\): /);
      expect(r.errors![0]!.message).toContain(`Known: ${known.join(', ')}.`);
    };
    for (const code of ['🙂', 'ö\u0301rebro', '\u202Eorebro', 'x'.repeat(1000), "'; drop table body; --"]) {
      const r = await gql<{ region: null }>('query R($c: ID!) { region(code: $c) { code } }', { c: code });
      expect(r.status).toBe(200);
      expect(r.data!.region).toBeNull();
      unknownCode(r);
      expect(r.errors![0]!.message).toContain(code);
    }
    const r = await gql('{ landscape { meetingFrequencyTable(filter: { regions: ["\u0000", "😀"] }) { rank } } }');
    expect(r.status).toBe(200);
    expect(r.data).toBeNull();
    unknownCode(r);
    // The data is untouched and every region still answers.
    expect((await gqlOk<{ region: { code: string } }>('{ region(code: "orebro") { code } }')).region.code).toBe('orebro');
    await stillServes();
  });
});

describe('GraphQL over HTTP (graphql-http audit suite)', () => {
  it('passes every MUST and every SHOULD audit', async () => {
    const audits = serverAudits({ url: inject('gatewayUrl'), fetchFn: fetch });
    const required = audits.filter((a) => /^(MUST|SHOULD) /.test(a.name));
    expect(required.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(0);
    expect(required.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(0);
    const failed: string[] = [];
    for (const audit of required) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it('answers in the media type the client accepts, a cache hit included', async () => {
    const body = JSON.stringify({ query: '{ regions { code } }' });
    for (const [accept, type] of [
      [GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON],
      ['application/json', 'application/json'],
      [undefined, 'application/json'],
      [`application/json;q=0.5, ${GRAPHQL_RESPONSE_JSON}`, GRAPHQL_RESPONSE_JSON],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        // the second is the response cache's answer
        const res = await post(body, { 'content-type': 'application/json', ...(accept ? { accept } : {}) });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type'), `${accept} #${i}`).toBe(`${type}; charset=utf-8`);
        expect(((await res.json()) as { data: { regions: unknown[] } }).data.regions).toHaveLength(REGIONS.length);
      }
    }
    const refused = await post(body, { 'content-type': 'application/json', accept: 'text/html' });
    expect(refused.status).toBe(406);
  });
});

describe('production mode and the gateway-only secret', () => {
  const SECRET = 'a-test-secret-of-some-length';
  const GATEWAY_PORT = testPort(15300);
  const SAMLA_PORT = testPort(15304);
  const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
  // Every process this block starts; afterAll stops them all, also after a failed or timed-out test.
  const services = new Services();

  beforeAll(async () => {
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: SECRET,
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
    };
    await services.start('subgraphs/samla', SAMLA_PORT, { ...env, SAMLA_PORT: String(SAMLA_PORT) });
    await services.start('gateway', GATEWAY_PORT, {
      ...env,
      GATEWAY_PORT: String(GATEWAY_PORT),
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_MAX_CONNECTIONS: '30',
      ...subgraphUrlEnv({ samla: `http://127.0.0.1:${SAMLA_PORT}/graphql` }),
    });
  });
  afterAll(async () => {
    await services.stopAll();
  });

  it('a subgraph with a secret refuses requests without it, and answers the gateway that sends it', async () => {
    const direct = await post(
      JSON.stringify({ query: '{ samla { code } }' }),
      { 'content-type': 'application/json' },
      `http://127.0.0.1:${SAMLA_PORT}/graphql`,
    );
    expect(direct.status).toBe(401);
    const wrong = await post(
      JSON.stringify({ query: '{ samla { code } }' }),
      { 'content-type': 'application/json', 'x-gateway-secret': 'x'.repeat(SECRET.length) },
      `http://127.0.0.1:${SAMLA_PORT}/graphql`,
    );
    expect(wrong.status).toBe(401);
    const via = await gql<{ region: { name: string } }>('{ region(code: "samla") { name } }', undefined, gateway);
    expect(via.data!.region.name).toBe('SAMLA (Lerum–Alingsås)');
  });

  it('a subgraph with a secret shows /ready, /metrics and /version only to holders of the secret, and never the database address', async () => {
    const base = `http://127.0.0.1:${SAMLA_PORT}`;
    for (const path of ['/ready', '/metrics', '/version']) {
      expect((await fetch(base + path)).status).toBe(401);
      const ok = await fetch(base + path, { headers: { 'x-gateway-secret': SECRET } });
      expect(ok.status).toBe(200);
      const text = await ok.text();
      expect(text).not.toContain(new URL(inject('databaseUrl')).host);
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // The gateway sends the secret on its own checks: its /ready sees samla ready, and its cache polls /version.
    const ready = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/ready`);
    expect(((await ready.json()) as { subgraphs: Array<{ subgraph: string; ready: boolean }> }).subgraphs.find((c) => c.subgraph === 'samla')!.ready).toBe(
      true,
    );
  });

  it('a client that never finishes its headers (slow loris) is disconnected; the gateway goes on serving', async () => {
    const socket = connect(GATEWAY_PORT, '127.0.0.1');
    // The server answers 408 Request Timeout and closes the connection.
    const closed = new Promise<boolean>((resolve) => {
      socket.once('close', () => resolve(true));
      socket.on('data', (d) => {
        if (String(d).startsWith('HTTP/1.1 408')) resolve(true);
      });
      setTimeout(() => resolve(false), 30_000);
    });
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(await closed).toBe(true);
    socket.destroy();
    expect((await gql('{ regions { code } }', undefined, gateway)).status).toBe(200);
  }, 40_000);

  it('connections over the cap are refused, and the gateway serves again once they go', async () => {
    const sockets: Socket[] = [];
    let refused = 0;
    await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<void>((resolve) => {
            const s = connect(GATEWAY_PORT, '127.0.0.1');
            sockets.push(s);
            s.once('connect', () => setTimeout(resolve, 500));
            s.once('close', () => {
              refused++;
              resolve();
            });
            s.once('error', () => resolve());
          }),
      ),
    );
    expect(refused).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await gql('{ regions { code } }', undefined, gateway)).status).toBe(200);
  });

  it('production: introspection is off, errors carry a request id and no stack trace', async () => {
    const intro = await gql('{ __schema { types { name } } }', undefined, gateway);
    expect(intro.status).toBe(400);
    expect(intro.errors![0]!.message).toMatch(/introspection/i);
    const bad = await gql('{ regions { nope } }', undefined, gateway);
    expect(bad.errors![0]!.extensions!.requestId).toMatch(/^[\w-]+$/);
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|Did you mean/);
    const landing = await fetch(gateway, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(400); // no landing page: a GET without a query is a bad request
    expect(await landing.text()).not.toMatch(/<html/i);
  });
});
