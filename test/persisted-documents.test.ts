/**
 * Persisted (trusted) documents through real HTTP: the dashboard's manifest
 * (gateway/persisted-documents/dashboard.json, written by `npm run generate`) is loaded by the
 * gateway. With the default (PERSISTED_DOCUMENTS=off, the test federation's gateway) ids are
 * resolved and any operation runs; with PERSISTED_DOCUMENTS=require (a gateway of this file, with a
 * second client's manifest beside the dashboard's) only registered operations run, others get a
 * clear 400. A bad setting or manifest stops the gateway at start with the reason.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { exited, Services, subgraphUrlEnv } from './support/services';
import { testPort } from './support/ports';

const MANIFEST = join(__dirname, '..', 'gateway', 'persisted-documents', 'dashboard.json');
const dashboard = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const idOf = (name: string) => Object.entries(dashboard).find(([, text]) => text.startsWith(`query ${name}`))![0];
const META_ID = idOf('DashboardMeta');
/** Another dashboard's own operation, registered as its own manifest file. */
const OTHER = 'query OtherDashboardRegions { regions { code } }';
const OTHER_ID = `sha256:${createHash('sha256').update(OTHER).digest('hex')}`;
const UNKNOWN_ID = `sha256:${'0'.repeat(64)}`;
const CODES = REGIONS.map((r) => r.code).sort();

const PORT = testPort(16100);
const required = `http://127.0.0.1:${PORT}/graphql`;
const services = new Services();
let dir = '';

interface Answer {
  status: number;
  json: { data?: { regions?: Array<{ code: string }> } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}
async function post(url: string, body: unknown): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}
const codes = (a: Answer) => (a.json.data?.regions ?? []).map((r) => r.code).sort();
const byHash = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } } });
const gatewayEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  LOG_LEVEL: 'silent',
  GATEWAY_PORT: String(PORT),
  ...subgraphUrlEnv(),
  ...extra,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-persisted-'));
  copyFileSync(MANIFEST, join(dir, 'dashboard.json'));
  writeFileSync(join(dir, 'other-dashboard.json'), JSON.stringify({ [OTHER_ID]: OTHER }));
  await services.start('gateway', PORT, gatewayEnv({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_DIR: dir }));
}, 90_000);
afterAll(async () => {
  await services.stopAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('persisted documents, PERSISTED_DOCUMENTS=off (the default)', () => {
  const url = () => inject('gatewayUrl');
  it("runs a dashboard operation sent by its hash (Apollo's persistedQuery extension) or by documentId", async () => {
    for (const body of [byHash(META_ID), { documentId: META_ID }]) {
      const a = await post(url(), body);
      expect(a.status, JSON.stringify(a.json.errors)).toBe(200);
      expect(codes(a)).toEqual(CODES);
    }
  });
  it('runs any other operation too', async () => {
    const a = await post(url(), { query: '{ regions { code } }' });
    expect(a.status).toBe(200);
    expect(codes(a)).toEqual(CODES);
  });
  it('answers an unknown documentId with 400 PERSISTED_QUERY_NOT_FOUND', async () => {
    const a = await post(url(), { documentId: UNKNOWN_ID });
    expect(a.status).toBe(400);
    expect(a.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('persisted documents, PERSISTED_DOCUMENTS=require', () => {
  it("runs the dashboard's operations by hash and by documentId, and another client's from its own manifest", async () => {
    for (const body of [byHash(META_ID), { documentId: META_ID }, { documentId: OTHER_ID }]) {
      const a = await post(required, body);
      expect(a.status, JSON.stringify(a.json.errors)).toBe(200);
      expect(codes(a)).toEqual(CODES);
    }
  });
  it('runs a registered operation sent as its exact text', async () => {
    const a = await post(required, { query: OTHER });
    expect(a.status).toBe(200);
    expect(codes(a)).toEqual(CODES);
  });
  it('refuses an operation no manifest holds with 400 PERSISTED_QUERY_REQUIRED, before any GraphQL work', async () => {
    for (const query of ['{ regions { code } }', `${OTHER} `, '{ __schema { types { name } } }']) {
      const a = await post(required, { query });
      expect(a.status, query).toBe(400);
      expect(a.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      expect(a.json.errors?.[0]?.message).toMatch(/only persisted \(trusted\) operations/);
      expect(a.json.data).toBeUndefined();
    }
    const get = await fetch(`${required}?query=${encodeURIComponent('{ regions { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Answer['json']).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });
  it('refuses an unknown hash with 400 PERSISTED_QUERY_NOT_FOUND, and a registered id sent with other text with 400', async () => {
    for (const body of [byHash(UNKNOWN_ID), { documentId: UNKNOWN_ID }]) {
      const a = await post(required, body);
      expect(a.status).toBe(400);
      expect(a.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    const mismatch = await post(required, { documentId: OTHER_ID, query: '{ regions { code name } }' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.errors?.[0]?.message).toMatch(/differs from the registered document/);
  });
});

describe('persisted documents configuration', () => {
  const startFails = async (extra: Record<string, string>) => {
    const s = services.spawn('gateway', gatewayEnv({ GATEWAY_PORT: String(testPort(16101)), LOG_LEVEL: 'error', ...extra }), 'capture');
    expect(await exited(s.child, 30_000)).not.toBe(0);
    return s.output();
  };
  it("stops at start on an unknown mode, on require without a manifest, and on a manifest whose id is not its text's hash", async () => {
    expect(await startFails({ PERSISTED_DOCUMENTS: 'sometimes' })).toMatch(/Invalid configuration: PERSISTED_DOCUMENTS/);
    const empty = mkdtempSync(join(tmpdir(), 'samverkan-persisted-empty-'));
    try {
      expect(await startFails({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_DIR: empty })).toMatch(/holds no manifest/);
      writeFileSync(join(empty, 'bad.json'), JSON.stringify({ [OTHER_ID]: '{ regions { name } }' }));
      expect(await startFails({ PERSISTED_DOCUMENTS_DIR: empty })).toMatch(/bad\.json: .* is not the sha256 of its operation text/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 90_000);
});
