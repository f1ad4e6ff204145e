/**
 * Issue #11: a region whose subgraph is up but whose database fails is named in missingRegions with
 * its reason by EVERY aggregate on Landscape, never counted as a region with nothing. This file runs
 * its own copy of one region subgraph (its own schema in the test database) behind its own gateway,
 * checks the complete answer first (so the checks can fail), then renames the region's schema under
 * the running subgraph: every list it serves fails with a database error, while the subgraph stays up.
 */
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS, urlVar } from '../shared/src/registry';
import { gql } from './support/client';
import { testPort } from './support/ports';

const GATEWAY_PORT = testPort(14300);
const REGION_PORT = testPort(14302);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const BROKEN = REGIONS[1]!.code;
const OTHERS = REGIONS.map((r) => r.code).filter((c) => c !== BROKEN);
const ALL_CODES = REGIONS.map((r) => r.code);
const PREFIX = 'regionerr_';
const SCHEMA = `${PREFIX}${BROKEN}`;
const RENAMED = `${SCHEMA}_gone`;

const MISSING = 'missingRegions missing { code reason failedFields message }';
type Missing = { code: string; reason: string; failedFields: string[]; message: string };
type Agg = { missingRegions: string[]; missing: Missing[] } & Record<string, unknown>;

/**
 * Every aggregate on Landscape: its query, and the region codes its answer covers. The first test
 * checks this covers every field of Landscape, so a new aggregate must be added here.
 */
const AGGREGATES: Record<string, { query: string; codes: (value: Agg) => string[] }> = {
  missingRegions: { query: `{ landscape { ${MISSING} } }`, codes: () => [] },
  missing: { query: `{ landscape { ${MISSING} } }`, codes: () => [] },
  meetingFrequencyTable: {
    query: `{ landscape { ${MISSING} meetingFrequencyTable { regionCode bodyId } } }`,
    codes: (v) => (v as unknown as Array<{ regionCode: string }>).map((r) => r.regionCode),
  },
  bodies: { query: `{ landscape { bodies(first: 200) { ${MISSING} totalCount nodes { regionCode } } } }`, codes: (v) => (v.nodes as Array<{ regionCode: string }>).map((n) => n.regionCode) },
  frequencySummary: { query: `{ landscape { frequencySummary { ${MISSING} regions { regionCode bodyCount } } } }`, codes: (v) => (v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode) },
  rolesCrosswalk: {
    query: `{ landscape { rolesCrosswalk { ${MISSING} rows { regions { regionCode roles { id } } } } } }`,
    codes: (v) => (v.rows as Array<{ regions: Array<{ regionCode: string; roles: unknown[] }> }>).flatMap((r) => r.regions.filter((x) => x.roles.length).map((x) => x.regionCode)),
  },
  functionalCrosswalk: {
    query: `{ landscape { functionalCrosswalk { ${MISSING} regions { regionCode } functions { regions { regionCode } } } } }`,
    codes: (v) => [
      ...(v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode),
      ...(v.functions as Array<{ regions: Array<{ regionCode: string }> }>).flatMap((f) => f.regions.map((r) => r.regionCode)),
    ],
  },
  reportingDuties: { query: `{ landscape { reportingDuties { ${MISSING} duties { regionCode } } } }`, codes: (v) => (v.duties as Array<{ regionCode: string }>).map((d) => d.regionCode) },
  reportingChains: { query: `{ landscape { reportingChains { ${MISSING} regions { regionCode } } } }`, codes: (v) => (v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode) },
  comparisonMatrix: { query: `{ landscape { comparisonMatrix { ${MISSING} columns } } }`, codes: (v) => v.columns as string[] },
  differences: {
    query: `{ landscape { differences(regions: ${JSON.stringify(ALL_CODES)}) { ${MISSING} regions dimensions { regions { regionCode } } } } }`,
    codes: (v) => [...(v.regions as string[]), ...(v.dimensions as Array<{ regions: Array<{ regionCode: string }> }>).flatMap((d) => d.regions.map((r) => r.regionCode))],
  },
};

/** The aggregate's value and the missing-region fields that describe it (Landscape's own for the plain list). */
async function ask(field: string) {
  const r = await gql<{ landscape: Record<string, unknown> }>(AGGREGATES[field]!.query, undefined, gateway);
  expect(r.status).toBe(200);
  const landscape = r.data!.landscape;
  const value = (field in landscape ? landscape[field] : landscape) as Agg;
  const own = Array.isArray(value) || field === 'missingRegions' || field === 'missing' ? (landscape as unknown as Agg) : value;
  return { errors: r.errors ?? [], value, missingRegions: own.missingRegions, missing: own.missing, codes: new Set(AGGREGATES[field]!.codes(value)) };
}

let db: Client | undefined;
let region: ChildProcess | undefined;
let gatewayProcess: ChildProcess | undefined;
let renamed = false;

beforeAll(async () => {
  const urls = inject('subgraphUrls');
  db = new Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS "${RENAMED}" CASCADE`);
  const base = { ...process.env, LOG_LEVEL: 'silent', RESPONSE_CACHE: 'false', DATABASE_URL: inject('databaseUrl') };
  region = await spawnService(`subgraphs/${BROKEN}`, REGION_PORT, { ...base, DB_SCHEMA_PREFIX: PREFIX, [portVar(BROKEN)]: String(REGION_PORT) });
  const routes = Object.fromEntries(Object.entries(urls).map(([code, url]) => [urlVar(code), url]));
  gatewayProcess = await spawnService('gateway', GATEWAY_PORT, {
    ...base, ...routes, [urlVar(BROKEN)]: `http://127.0.0.1:${REGION_PORT}/graphql`, GATEWAY_PORT: String(GATEWAY_PORT),
  });
}, 120_000);

afterAll(async () => {
  try {
    if (region) await stopChild(region);
    if (gatewayProcess) await stopChild(gatewayProcess);
  } finally {
    if (db) {
      if (renamed) await db.query(`ALTER SCHEMA "${RENAMED}" RENAME TO "${SCHEMA}"`);
      await db.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
      await db.end();
    }
  }
});

describe(`one region (${BROKEN}) up, its database failing`, () => {
  it('the table of aggregates covers every field of Landscape', async () => {
    const r = await gql<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "Landscape") { fields { name } } }', undefined, gateway);
    const fields = r.data!.__type.fields.map((f) => f.name).filter((n) => n !== 'id' && n !== 'regions');
    expect(fields.sort()).toEqual(Object.keys(AGGREGATES).sort());
  });

  it.each(Object.keys(AGGREGATES))('control, database intact: %s answers for every region, none missing', async (field) => {
    const a = await ask(field);
    expect(a.errors).toEqual([]);
    expect(a.missingRegions).toEqual([]);
    expect(a.missing).toEqual([]);
    if (field !== 'missingRegions' && field !== 'missing') expect(a.codes.has(BROKEN)).toBe(true);
  });

  it('the region\'s schema is renamed under the running subgraph: its lists now fail', async () => {
    await db!.query(`ALTER SCHEMA "${SCHEMA}" RENAME TO "${RENAMED}"`);
    renamed = true;
    const r = await gql<{ r: { name: string | null; bodies: unknown[] | null } }>(`{ r: ${BROKEN} { name bodies { id } } }`, undefined, gateway);
    expect(r.data?.r?.bodies ?? null).toBeNull();
    expect(r.errors?.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(AGGREGATES))('%s names the region as missing (INCOMPLETE, with its failed lists) and answers for the others', async (field) => {
    const a = await ask(field);
    expect(a.errors.length).toBeGreaterThan(0); // the gateway passes the region's errors on
    expect(a.missingRegions).toEqual([BROKEN]);
    expect(a.missing).toHaveLength(1);
    expect(a.missing[0]).toMatchObject({ code: BROKEN, reason: 'INCOMPLETE' });
    expect(a.missing[0]!.failedFields.length).toBeGreaterThan(0);
    for (const f of a.missing[0]!.failedFields) expect(['documents', 'bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules']).toContain(f);
    expect(a.missing[0]!.message).toContain(BROKEN);
    expect(a.codes.has(BROKEN)).toBe(false);
    expect(JSON.stringify(a.value)).not.toMatch(new RegExp(`"${BROKEN}:|"regionCode":"${BROKEN}"`));
    if (field !== 'missingRegions' && field !== 'missing') expect([...a.codes].sort()).toEqual([...OTHERS].filter((c) => a.codes.has(c)).sort());
  });

  it('Landscape.missing names every list the region serves from its database as failed (its whole schema is gone)', async () => {
    const a = await ask('missing');
    expect([...a.missing[0]!.failedFields].sort()).toEqual(['bodies', 'decisionRules', 'documents', 'plans', 'reportingDuties', 'roles']);
  });

  it('the per-region aggregates list exactly the other regions', async () => {
    for (const field of ['frequencySummary', 'reportingChains', 'comparisonMatrix', 'differences', 'functionalCrosswalk']) {
      const a = await ask(field);
      expect([...a.codes].sort(), field).toEqual([...OTHERS].sort());
    }
  });
});
