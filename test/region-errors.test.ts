/**
 * Issue #11, with the comparison's read model: a region whose subgraph is up but whose database fails
 * is never counted as a region with nothing by any aggregate on Landscape.
 *
 * - A comparison that synced the region before the break keeps answering for it from that copy (the
 *   same rows as before), names it in staleRegions and says in its freshness that the region answered
 *   with errors; once the database is back it syncs again and the region is fresh.
 * - A comparison started while the database is already broken has no copy: every aggregate names the
 *   region in missingRegions (INCOMPLETE) and answers for the others.
 *
 * This file runs its own copy of one region subgraph (its own schema in the test database, on a copy
 * of its data), two comparisons (own read models) and a gateway in front of each. It checks the
 * complete answer first (so the checks can fail), then breaks the region by renaming its schema under
 * the running subgraph: every list it serves fails with a database error while the subgraph stays up.
 *
 * The comparison asks a region for its facts only when the region's data version changes (GET
 * /version, which the break does not touch), so the break is made together with a new data version:
 * with the first comparison stopped (its read model kept), the region restarts on changed data, its
 * schema is renamed, and the comparison starts again and finds a new version it cannot fetch.
 *
 * How each field of Landscape is asked, and which region codes its answer covers:
 * support/landscape-fields.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS } from '../contract/src/registry';
import { dropSchemas, eventually, gql, gqlOk } from './support/client';
import { AGGREGATES, ask, freshnessOf, LANDSCAPE_LEVEL, ROW_AGGREGATES } from './support/landscape-fields';
import { testPort } from './support/ports';
import { testServiceEnv } from './support/services';

const PORTS = {
  region: testPort(14302),
  /** The comparison that synced the region before the break, and its gateway. */
  synced: { gateway: testPort(14300), comparison: testPort(14305) },
  /** The comparison started after the break, and its gateway. */
  late: { gateway: testPort(14310), comparison: testPort(14315) },
};
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const BROKEN = REGIONS[1]!.code;
const OTHERS = REGIONS.map((r) => r.code).filter((c) => c !== BROKEN);
const PREFIX = 'regionerr_';
const LATE_PREFIX = 'regionerrlate_';
const SCHEMA = `${PREFIX}${BROKEN}`;
const RENAMED = `${SCHEMA}_gone`;
const COMPARISON_SCHEMAS = [`${PREFIX}comparison`, `${LATE_PREFIX}comparison`];

const regionVersion = async () => ((await (await fetch(`http://127.0.0.1:${PORTS.region}/version`)).json()) as { dataVersion: string }).dataVersion;

let db: Client | undefined;
let dataDir = '';
let renamed = false;
const processes: Partial<Record<'region' | 'syncedComparison' | 'syncedGateway' | 'lateComparison' | 'lateGateway', ChildProcess>> = {};

const env = (extra: Record<string, string> = {}) => testServiceEnv(PREFIX, { [BROKEN]: url(PORTS.region) }, extra);
const startRegion = async () => {
  processes.region = await spawnService(`subgraphs/${BROKEN}`, PORTS.region, env({ [portVar(BROKEN)]: String(PORTS.region), DATA_DIR: dataDir }));
};
/** A comparison (read model in `<prefix>comparison`) and a gateway in front of it. */
async function startComparison(which: 'synced' | 'late', prefix: string) {
  const ports = PORTS[which];
  processes[`${which}Comparison`] = await spawnService(
    'subgraphs/comparison',
    ports.comparison,
    env({ DB_SCHEMA_PREFIX: prefix, COMPARISON_PORT: String(ports.comparison) }),
  );
  processes[`${which}Gateway`] ??= await spawnService(
    'gateway',
    ports.gateway,
    env({ COMPARISON_URL: url(ports.comparison), GATEWAY_PORT: String(ports.gateway) }),
  );
}

beforeAll(async () => {
  db = new Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  await dropSchemas(inject('databaseUrl'), [SCHEMA, RENAMED, ...COMPARISON_SCHEMAS]);
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-region-errors-'));
  cpSync(join(__dirname, '..', 'subgraphs', BROKEN, 'data'), dataDir, { recursive: true });
  await startRegion();
  await startComparison('synced', PREFIX);
}, 120_000);

afterAll(async () => {
  try {
    await Promise.all(Object.values(processes).map((p) => p && stopChild(p)));
  } finally {
    if (db) {
      if (renamed) await db.query(`ALTER SCHEMA "${RENAMED}" RENAME TO "${SCHEMA}"`);
      await db.end();
      await dropSchemas(inject('databaseUrl'), [SCHEMA, ...COMPARISON_SCHEMAS]);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

const synced = url(PORTS.synced.gateway);
const late = url(PORTS.late.gateway);
/** Each aggregate's answer with the database intact, from the comparison that synced the region. */
const before: Record<string, unknown> = {};
let versionBefore = '';

describe(`one region (${BROKEN}) up, its database failing: a comparison that synced it before`, () => {
  it('the table of aggregates covers every field of Landscape', async () => {
    const r = await gql<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "Landscape") { fields { name } } }', undefined, synced);
    const fields = r.data!.__type.fields.map((f) => f.name).filter((n) => n !== 'id' && n !== 'regions');
    expect(fields.sort()).toEqual(Object.keys(AGGREGATES).sort());
  });

  it.each(Object.keys(AGGREGATES))('control, database intact: %s answers for every region, none missing, none stale', async (field) => {
    const a = await ask(synced, field);
    expect(a.errors).toEqual([]);
    expect(a.missingRegions).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.staleRegions).toEqual([]);
    if (!LANDSCAPE_LEVEL.includes(field)) expect(a.codes.has(BROKEN)).toBe(true);
    before[field] = a.value;
  });

  it('control: the copy of the region is fresh, at the version the region serves', async () => {
    versionBefore = await regionVersion();
    const mine = (await freshnessOf(synced)).freshness.find((f) => f.regionCode === BROKEN)!;
    expect(mine).toMatchObject({ dataVersion: versionBefore, stale: false, reason: null });
  });

  it('the region restarts on changed data and its schema is renamed under the running subgraph: its lists now fail', async () => {
    await stopChild(processes.syncedComparison!); // its read model stays in its schema
    processes.syncedComparison = undefined;
    const file = readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()[0]!;
    const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
    data.bodies[0].notes = [...data.bodies[0].notes, 'A note added by the region-errors test.'];
    writeFileSync(join(dataDir, file), JSON.stringify(data, null, 2));
    await stopChild(processes.region!);
    await startRegion();
    expect(await regionVersion()).not.toBe(versionBefore);
    await db!.query(`ALTER SCHEMA "${SCHEMA}" RENAME TO "${RENAMED}"`);
    renamed = true;
    await startComparison('synced', PREFIX);
    // Drill-down still goes to the region's subgraph: null, with its errors.
    const r = await gql<{ r: { name: string | null; bodies: unknown[] | null } }>(`{ r: ${BROKEN} { name bodies { id } } }`, undefined, synced);
    expect(r.data?.r?.bodies ?? null).toBeNull();
    expect(r.errors?.length).toBeGreaterThan(0);
  });

  it('the region is stale: served from the copy synced before the break, the reason says it answered with errors', async () => {
    const { staleRegions, freshness } = await freshnessOf(synced);
    expect(staleRegions).toEqual([BROKEN]);
    const mine = freshness.find((f) => f.regionCode === BROKEN)!;
    expect(mine.stale).toBe(true);
    expect(mine.dataVersion).toBe(versionBefore);
    expect(mine.syncedAt).not.toBeNull();
    expect(mine.reason).toMatch(/answered with errors/);
    expect(mine.reason).toContain(`serving the copy synced at ${mine.syncedAt}`);
    expect(mine.reason).not.toContain(String(PORTS.region)); // no internal address leaks
    for (const other of freshness.filter((f) => f.regionCode !== BROKEN)) expect(other).toMatchObject({ stale: false, reason: null });
  });

  it.each(ROW_AGGREGATES)('%s still answers for the region from its copy, the same rows as before the break, never missing', async (field) => {
    const a = await ask(synced, field);
    expect(a.errors).toEqual([]); // the gateway does not call the region for an aggregate
    expect(a.missingRegions).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.staleRegions).toEqual([BROKEN]);
    expect(a.codes.has(BROKEN)).toBe(true);
    expect(a.value).toEqual(before[field]);
  });

  it.each(['missingRegions', 'missing'])('Landscape.%s does not name the region (it has a copy)', async (field) => {
    const a = await ask(synced, field);
    expect(a.errors).toEqual([]);
    expect(a.missingRegions).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.staleRegions).toEqual([BROKEN]);
  });
});

describe(`one region (${BROKEN}) up, its database failing: a comparison started after the break (never synced it)`, () => {
  beforeAll(async () => {
    await startComparison('late', LATE_PREFIX);
  }, 120_000);

  it('holds no copy of the region, and its freshness says why', async () => {
    const { staleRegions, freshness } = await freshnessOf(late);
    expect(staleRegions).toEqual([]); // stale is for regions with a copy
    const mine = freshness.find((f) => f.regionCode === BROKEN)!;
    expect(mine).toMatchObject({ dataVersion: null, syncedAt: null, stale: true });
    expect(mine.reason).toMatch(/never synced: answered with errors/);
    // The same failure as data (an enum beside the words), and none for the regions that answer.
    const kinds = (
      await gqlOk<{ landscape: { freshness: Array<{ regionCode: string; failureKind: string | null }> } }>(
        '{ landscape { freshness { regionCode failureKind } } }',
        undefined,
        late,
      )
    ).landscape.freshness;
    expect(kinds).toEqual(freshness.map((f) => ({ regionCode: f.regionCode, failureKind: f.regionCode === BROKEN ? 'GRAPHQL_ERRORS' : null })));
  });

  it.each(Object.keys(AGGREGATES).filter((f) => f !== 'staleRegions' && f !== 'freshness'))(
    '%s names the region as missing (INCOMPLETE) and answers for the others, with no GraphQL error',
    async (field) => {
      const a = await ask(late, field);
      expect(a.errors).toEqual([]);
      expect(a.missingRegions).toEqual([BROKEN]);
      expect(a.missing).toHaveLength(1);
      expect(a.missing[0]).toMatchObject({ code: BROKEN, reason: 'INCOMPLETE' });
      for (const f of a.missing[0]!.failedFields)
        expect(['documents', 'bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts']).toContain(f);
      expect(a.missing[0]!.message).toContain(BROKEN);
      expect(a.missing[0]!.message).toMatch(/answered with errors/);
      expect(a.codes.has(BROKEN)).toBe(false);
      expect(JSON.stringify(a.value)).not.toMatch(new RegExp(`"${BROKEN}:|"regionCode":"${BROKEN}"`));
      if (!LANDSCAPE_LEVEL.includes(field)) {
        expect(a.codes.size).toBeGreaterThan(0);
        expect([...a.codes].every((c) => OTHERS.includes(c))).toBe(true);
      }
    },
  );

  it('the per-region aggregates list exactly the other regions', async () => {
    for (const field of ['frequencySummary', 'reportingChains', 'comparisonMatrix', 'differences', 'functionalCrosswalk']) {
      const a = await ask(late, field);
      expect([...a.codes].sort(), field).toEqual([...OTHERS].sort());
    }
  });
});

describe(`the region's database restored`, () => {
  it('both comparisons sync the region again: fresh, at the version it serves, answered by every aggregate', async () => {
    await db!.query(`ALTER SCHEMA "${RENAMED}" RENAME TO "${SCHEMA}"`);
    renamed = false;
    const version = await regionVersion();
    for (const gateway of [synced, late]) {
      await eventually(async () => {
        const { staleRegions, freshness } = await freshnessOf(gateway);
        expect(staleRegions).toEqual([]);
        expect(freshness.find((f) => f.regionCode === BROKEN)).toMatchObject({ dataVersion: version, stale: false, reason: null });
      }, 15_000);
      for (const field of ROW_AGGREGATES) {
        const a = await ask(gateway, field);
        expect(a.errors, field).toEqual([]);
        expect(a.missingRegions, field).toEqual([]);
        expect(a.codes.has(BROKEN), field).toBe(true);
      }
    }
    const r = await gql<{ r: { bodies: unknown[] } }>(`{ r: ${BROKEN} { bodies { id } } }`, undefined, synced);
    expect(r.errors).toBeUndefined();
    expect(r.data!.r.bodies.length).toBeGreaterThan(0);
  });
});
