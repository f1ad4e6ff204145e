/**
 * Every answer carries the request id, and every error a client sees carries it in
 * `extensions.requestId` and in a log line: also when the HTTP layer refuses the request before any
 * GraphQL work (a body over the limit, invalid JSON, CSRF prevention, batching), and on a response
 * cache hit (the client's own id is kept). Limit errors say which limit, without "Syntax Error".
 * Through a real gateway process over HTTP, its log captured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPort } from './support/ports';
import { Services, subgraphUrlEnv, type Service } from './support/services';
import { eventually, GRAPHQL_RESPONSE_JSON } from './support/client';

const PORT = testPort(15950);
const URL_ = `http://127.0.0.1:${PORT}/graphql`;
const services = new Services();
let gateway: Service;

const post = (body: string, requestId: string, contentType = 'application/json') =>
  fetch(URL_, { method: 'POST', headers: { 'content-type': contentType, accept: GRAPHQL_RESPONSE_JSON, 'x-request-id': requestId }, body });

beforeAll(async () => {
  gateway = await services.start(
    'gateway',
    PORT,
    { ...process.env, GATEWAY_PORT: String(PORT), LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...subgraphUrlEnv() },
    { output: 'capture' },
  );
}, 120_000);
afterAll(async () => {
  await services.stopAll();
});

describe('the request id on errors the HTTP layer answers', () => {
  it.each([
    ['a body over BODY_LIMIT', 413, JSON.stringify({ query: `{ regions { code } } # ${'x'.repeat(200_000)}` }), 'application/json', /larger than 100kb/],
    ['invalid JSON', 400, '{"query": "{ regions { code }"', 'application/json', /not valid JSON/],
    ['a content type CSRF prevention refuses', 400, '{"query":"{ regions { code } }"}', 'text/plain', /Cross-Site Request Forgery/],
    ['a batch while batching is off', 400, JSON.stringify([{ query: '{ regions { code } }' }]), 'application/json', /batching/i],
  ])("%s: %i, with the client's request id in the header, the error and the log", async (name, status, body, contentType, message) => {
    const id = `rid-${name.replace(/\W+/g, '-')}`.slice(0, 60);
    const res = await post(body, id, contentType);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-request-id')).toBe(id);
    const json = (await res.json()) as { errors: Array<{ message: string; extensions: { requestId?: string } }> };
    expect(json.errors[0]!.message).toMatch(message);
    expect(json.errors.map((e) => e.extensions.requestId)).toEqual(json.errors.map(() => id));
    await eventually(async () => {
      const line = gateway
        .output()
        .split('\n')
        .find((l) => l.includes(`"requestId":"${id}"`));
      expect(line, `a log line with requestId ${id}`).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ level: 40, status });
    });
  });

  it('a request without a usable id gets a new one, the same in the header and the error', async () => {
    const res = await post('{', 'not ok: spaces');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { errors: Array<{ extensions: { requestId: string } }> }).errors[0]!.extensions.requestId).toBe(id);
  });
});

describe('the request id on a response cache hit', () => {
  it("keeps the client's x-request-id", async () => {
    const body = JSON.stringify({ query: '{ regions { code name } }' });
    await eventually(async () => {
      await post(body, 'rid-first');
      const hit = await post(body, 'rid-second');
      expect(hit.headers.get('x-cache')).toBe('hit');
      expect(hit.headers.get('x-request-id')).toBe('rid-second');
    });
  });
});

describe('limit errors', () => {
  it.each([
    [
      'depth',
      `{ __type(name: "Body") { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } }`,
      /^Query depth limit of 10 exceeded, found \d+ \(MAX_DEPTH\)$/,
    ],
    ['aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`, /^Aliases limit of 15 exceeded, found 20 \(MAX_ALIASES\)$/],
    [
      'tokens',
      `{ regions { ${Array.from({ length: 3000 }, () => 'code').join(' ')} } }`,
      /^Token limit of 3000 exceeded: send a shorter operation \(MAX_TOKENS\)$/,
    ],
  ])('%s: the message names the limit and its variable, not "Syntax Error"', async (_name, query, message) => {
    const res = await post(JSON.stringify({ query }), 'rid-limit');
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: Array<{ message: string; extensions: { requestId: string } }> };
    expect(json.errors[0]!.message).toMatch(message);
    expect(json.errors[0]!.extensions.requestId).toBe('rid-limit');
  });
});
