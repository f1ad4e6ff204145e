/**
 * Every example query in docs/queries/ through the gateway, and every one with a region the comparison
 * has never reached (its own comparison and gateway, with that region's URL pointing where nothing listens).
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { REGIONS, urlVar } from '../contract/src/registry';
import { dropSchemas, gql, gqlOk } from './support/client';
import { testPort } from './support/ports';

const ROOT = join(__dirname, '..');
const QUERIES_DIR = join(ROOT, 'docs', 'queries');
const QUERY_FILES = readdirSync(QUERIES_DIR)
  .filter((n) => n.endsWith('.graphql'))
  .sort();
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
    expect(QUERY_FILES.map((n) => n.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-', '09-', '10-', '11-']);
  });

  it.each(QUERY_FILES)('%s answers through the gateway with data, no errors, and a non-empty main field', async (name) => {
    const data = await gqlOk<{ landscape: Record<string, unknown> }>(readQuery(name));
    const [field, value] = mainField(data);
    expect(value, field).not.toBeNull();
    expect(hasContent(value), `${field} is empty`).toBe(true);
    expect(value.missingRegions).toEqual([]);
  });
});

describe('every aggregate with a region the comparison has never reached', () => {
  // Its own comparison (own read model) and gateway, with one region's URL pointing where nothing listens.
  const DOWN = REGIONS[1]!.code;
  const PORTS = { gateway: testPort(14100), comparison: testPort(14105), dead: testPort(14199) };
  const url = `http://127.0.0.1:${PORTS.gateway}/graphql`;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    const urls = inject('subgraphUrls');
    await dropSchemas(inject('databaseUrl'), ['queriesdown_comparison']);
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'false',
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: 'queriesdown_',
      ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), urls[r.code]!])),
      [urlVar(DOWN)]: `http://127.0.0.1:${PORTS.dead}/graphql`,
      COMPARISON_URL: `http://127.0.0.1:${PORTS.comparison}/graphql`,
    };
    processes.push(await spawnService('subgraphs/comparison', PORTS.comparison, { ...env, COMPARISON_PORT: String(PORTS.comparison) }));
    processes.push(await spawnService('gateway', PORTS.gateway, { ...env, GATEWAY_PORT: String(PORTS.gateway) }));
  });

  afterAll(async () => {
    await Promise.all(processes.map(stopChild));
  });

  it.each(QUERY_FILES)(`%s answers for the other regions and names the unreached region as missing`, async (name) => {
    const r = await gql<{ landscape: Record<string, unknown> }>(readQuery(name), undefined, url);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined(); // the answer is whole for what the comparison holds, and says what it lacks
    const [field, value] = mainField(r.data);
    expect(value.missingRegions, field).toEqual([DOWN]);
    expect(hasContent(value), `${field} is empty`).toBe(true);
    const text = JSON.stringify(value);
    expect(text).not.toMatch(new RegExp(`"${DOWN}:|"regionCode":"${DOWN}"`));
    expect(text).toMatch(new RegExp(`"${REGIONS[0]!.code}`));
  });
});
