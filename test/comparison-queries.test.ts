/**
 * Every example query in docs/queries/ through the gateway, and every one with one region down (its
 * own gateway whose Kalmar URL points where nothing listens). Moved from comparison.test.ts (300-line rule).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { gql, gqlOk } from './support/client';
import { testPort } from './support/ports';

const ROOT = join(__dirname, '..');
const QUERIES_DIR = join(ROOT, 'docs', 'queries');
const QUERY_FILES = readdirSync(QUERIES_DIR).filter((n) => n.endsWith('.graphql')).sort();
const readQuery = (name: string) => readFileSync(join(QUERIES_DIR, name), 'utf8');
/** The aggregate a docs query asks for: the first field of landscape other than missingRegions. */
function mainField(data: { landscape?: Record<string, unknown> } | null | undefined): [string, Record<string, unknown>] {
  const entry = Object.entries(data?.landscape ?? {}).find(([k]) => k !== 'missingRegions');
  expect(entry).toBeDefined();
  return entry as [string, Record<string, unknown>];
}

/** Non-empty: some list in the aggregate other than missingRegions has entries. */
function hasContent(value: Record<string, unknown>): boolean {
  return Object.entries(value).some(([k, v]) => k !== 'missingRegions' && Array.isArray(v) && v.length > 0);
}

describe('docs/queries', () => {
  it('has one query per question', () => {
    expect(QUERY_FILES.map((n) => n.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-']);
  });

  it.each(QUERY_FILES)('%s answers through the gateway with data, no errors, and a non-empty main field', async (name) => {
    const data = await gqlOk<{ landscape: Record<string, unknown> }>(readQuery(name));
    const [field, value] = mainField(data);
    expect(value, field).not.toBeNull();
    expect(hasContent(value), `${field} is empty`).toBe(true);
    expect(value.missingRegions).toEqual([]);
  });
});

describe('every aggregate with one region down', () => {
  const PORT = testPort(14100);
  const url = `http://127.0.0.1:${PORT}/graphql`;
  let gateway: ChildProcess | undefined;

  beforeAll(async () => {
    const urls = inject('subgraphUrls');
    gateway = spawn(process.execPath, [join(ROOT, 'gateway', 'dist', 'index.js')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        GATEWAY_PORT: String(PORT),
        LOG_LEVEL: 'silent',
        OREBRO_URL: urls.orebro!, HOGLANDET_URL: urls.hoglandet!, SAMLA_URL: urls.samla!, COMPARISON_URL: urls.comparison!,
        KALMAR_URL: 'http://127.0.0.1:14199/graphql', // nothing listens here
      },
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (gateway.exitCode !== null) throw new Error(`gateway exited with code ${gateway.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/health`, { signal: AbortSignal.timeout(1000) })).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('gateway did not answer /health');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (!gateway || gateway.exitCode !== null) return;
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway.kill('SIGTERM');
    await exited;
  });

  it.each(QUERY_FILES)('%s answers for the other regions and names kalmar as missing', async (name) => {
    const r = await gql<{ landscape: Record<string, unknown> }>(readQuery(name), undefined, url);
    expect(r.status).toBe(200);
    expect(r.errors?.length).toBeGreaterThan(0); // the gateway reports the failed fetch
    const [field, value] = mainField(r.data);
    expect(value.missingRegions, field).toEqual(['kalmar']);
    expect(hasContent(value), `${field} is empty`).toBe(true);
    const text = JSON.stringify(value);
    expect(text).not.toMatch(/"kalmar:|"regionCode":"kalmar"/);
    expect(text).toMatch(/"samla/);
  });
});
