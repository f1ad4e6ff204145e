/**
 * The paged sync (issue: memory-bounded sync). A region's lists take `first` and `afterId`: pages
 * concatenate to the whole list, bad arguments are BAD_USER_INPUT errors. The comparison syncs a region
 * in pages of SYNC_PAGE_SIZE=7 (many pages per list), and what it holds equals what the one-answer sync
 * would have written, row for row. Between the comparison and the region stands a proxy of real HTTP:
 * while it reports a different /version at every call (as a region whose data changes during the sync
 * would), the comparison keeps nothing of the pages it read; once the version holds, it stores the copy.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Client } from 'pg';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { REGIONS, urlVar } from '../contract/src/registry';
import { PAGED_LISTS, printQuery, snapshotQuery } from '../subgraphs/comparison/src/read-model/snapshot-query';
import { withCitations } from '../subgraphs/comparison/src/read-model/citations';
import { derivedOfBodies, type RegionSnapshot } from '../subgraphs/comparison/src/read-model/store';
import { searchRows } from '../subgraphs/comparison/src/read-model/search-index';
import { groupsOfRegion } from '../subgraphs/comparison/src/read-model/aggregate-sync';
import { dropSchemas, eventually, gql, gqlOk } from './support/client';
import { testPort } from './support/ports';

const REGION = REGIONS[0]!;
const PREFIX = 'syncpaging_';
const SCHEMA = `${PREFIX}comparison`;
const PAGE = 7;
const PORTS = { proxy: testPort(15841), comparison: testPort(15845) };
const regionUrl = () => inject('subgraphUrls')[REGION.code]!;

/** Every page of one list of the region, asked for with `first: size`. */
async function pages(list: string, size: number, args = ''): Promise<Array<Array<{ id: string }>>> {
  const out: Array<Array<{ id: string }>> = [];
  for (let after: string | null = null; ;) {
    const a = `first: ${size}${after ? `, afterId: ${JSON.stringify(after)}` : ''}${args}`;
    const page = (await gqlOk<{ r: Record<string, Array<{ id: string }>> }>(`{ r: ${REGION.code} { ${list}(${a}) { id } } }`, undefined, regionUrl())).r[list]!;
    out.push(page);
    if (page.length < size) return out;
    after = page[page.length - 1]!.id;
  }
}

describe("paging arguments of a region's lists", () => {
  it.each(PAGED_LISTS)('%s: pages of 7 concatenate to the whole list, each page full but the last', async (list) => {
    const whole = (await gqlOk<{ r: Record<string, Array<{ id: string }>> }>(`{ r: ${REGION.code} { ${list} { id } } }`, undefined, regionUrl())).r[list]!;
    const paged = await pages(list, PAGE);
    expect(paged.flat().map((x) => x.id)).toEqual(whole.map((x) => x.id));
    expect(paged.map((p) => p.length)).toEqual([...Array(Math.floor(whole.length / PAGE)).fill(PAGE), whole.length % PAGE]);
  });

  it('pages a filtered list of bodies within the filter', async () => {
    const filter = ', filter: { levels: [STRATEGIC, TACTICAL] }';
    const whole = (await gqlOk<{ r: { bodies: Array<{ id: string }> } }>(`{ r: ${REGION.code} { bodies(${filter.slice(2)}) { id } } }`, undefined, regionUrl()))
      .r.bodies;
    expect(whole.length).toBeGreaterThan(PAGE);
    expect((await pages('bodies', 3, filter)).flat()).toEqual(whole);
  });

  it('answers an empty page after the last entry', async () => {
    const whole = (await gqlOk<{ r: { roles: Array<{ id: string }> } }>(`{ r: ${REGION.code} { roles { id } } }`, undefined, regionUrl())).r.roles;
    const r = await gqlOk<{ r: { roles: unknown[] } }>(
      `{ r: ${REGION.code} { roles(first: 5, afterId: ${JSON.stringify(whole.at(-1)!.id)}) { id } } }`,
      undefined,
      regionUrl(),
    );
    expect(r.r.roles).toEqual([]);
  });

  it.each([
    ['first: 0', /first must be between 1 and 5000/],
    ['first: 5001', /first must be between 1 and 5000/],
    ['first: 5, afterId: "no-such-body"', /afterId "no-such-body" is not an entry of this list/],
    ['afterId: "no-such-body"', /afterId "no-such-body" is not an entry of this list/],
  ])('%s is a BAD_USER_INPUT error', async (args, message) => {
    const r = await gql(`{ r: ${REGION.code} { bodies(${args}) { id } } }`, undefined, regionUrl());
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(message);
  });
});

describe('the comparison syncing a region in pages', () => {
  let proxy: Server | undefined;
  let comparison: ChildProcess | undefined;
  let db: Client | undefined;
  /** While true, the proxy answers /version with a new version at every call. */
  let moving = true;
  let versionCalls = 0;
  let pageRequests = 0;

  beforeAll(async () => {
    await dropSchemas(inject('databaseUrl'), [SCHEMA]);
    const origin = new URL(regionUrl()).origin;
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const body = Buffer.concat(chunks);
          if (req.url === '/version' && moving) {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ dataVersion: `moving-${++versionCalls}` }));
            return;
          }
          if (body.includes('RegionPage')) pageRequests++;
          const answer = await fetch(origin + req.url, {
            method: req.method,
            headers: { 'content-type': 'application/json' },
            body: req.method === 'POST' ? body : undefined,
          });
          res.statusCode = answer.status;
          res.setHeader('content-type', answer.headers.get('content-type') ?? 'application/json');
          res.end(Buffer.from(await answer.arrayBuffer()));
        })();
      });
    });
    await new Promise<void>((resolve) => proxy!.listen(PORTS.proxy, '127.0.0.1', resolve));
    const urls = inject('subgraphUrls');
    comparison = await spawnService('subgraphs/comparison', PORTS.comparison, {
      ...process.env,
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'false',
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: PREFIX,
      SYNC_INTERVAL_MS: '200',
      SYNC_PAGE_SIZE: String(PAGE),
      COMPARISON_PORT: String(PORTS.comparison),
      ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), urls[r.code]!])),
      [urlVar(REGION.code)]: `http://127.0.0.1:${PORTS.proxy}/graphql`,
    });
    db = new Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });

  afterAll(async () => {
    if (comparison) await stopChild(comparison);
    await db?.end();
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await dropSchemas(inject('databaseUrl'), [SCHEMA]);
  });

  const rows = async (sql: string) => (await db!.query(sql, [REGION.code])).rows;

  it("keeps nothing of a sync during which the region's version moved, and says why", async () => {
    // The comparison's first round runs before it answers /health: it has read pages by now.
    expect(pageRequests).toBeGreaterThan(PAGED_LISTS.length);
    expect(await rows(`select * from ${SCHEMA}.region_sync where region_code = $1`)).toEqual([]);
    for (const table of ['body', 'fact', 'search_item', 'event', 'agg_group']) {
      expect(await rows(`select 1 from ${SCHEMA}.${table} where region_code = $1`), table).toEqual([]);
    }
    const r = await gqlOk<{ landscape: { freshness: Array<{ regionCode: string; stale: boolean; reason: string | null }> } }>(
      '{ landscape { freshness { regionCode stale reason } } }',
      undefined,
      `http://127.0.0.1:${PORTS.comparison}/graphql`,
    );
    expect(r.landscape.freshness.find((f) => f.regionCode === REGION.code)?.reason).toMatch(
      /its data changed during the sync \(version moving-\d+ became moving-\d+\)/,
    );
  });

  it('once the version holds, stores exactly what the one-answer sync would', async () => {
    moving = false;
    const version = ((await (await fetch(`${new URL(regionUrl()).origin}/version`)).json()) as { dataVersion: string }).dataVersion;
    await eventually(
      async () =>
        expect(await rows(`select data_version, missing_fields from ${SCHEMA}.region_sync where region_code = $1`)).toEqual([
          { data_version: version, missing_fields: [] },
        ]),
      20_000,
    );
    const one = (await gqlOk<{ region: RegionSnapshot }>(printQuery(snapshotQuery(REGION.code)), undefined, regionUrl())).region;
    const expected = withCitations({ ...one, code: REGION.code, dataVersion: version, missingFields: [] });
    expect(expected.bodies.length).toBeGreaterThan(PAGE);

    const bodies = await rows(`select data, role_kinds, report_artifacts from ${SCHEMA}.body where region_code = $1 order by position`);
    expect(bodies.map((b) => b.data)).toEqual(expected.bodies);
    expect(bodies.map((b) => ({ roleKinds: b.role_kinds, reportArtifacts: b.report_artifacts }))).toEqual(derivedOfBodies(expected));
    for (const list of ['documents', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts'] as const) {
      const held = await rows(`select data from ${SCHEMA}.fact where region_code = $1 and kind = '${list}' order by position`);
      expect(
        held.map((f) => f.data),
        list,
      ).toEqual(JSON.parse(JSON.stringify(expected[list])));
    }
    const events = await rows(`select id from ${SCHEMA}.event where region_code = $1 order by position`);
    expect(events.map((e) => e.id)).toEqual(expected.events!.map((e) => e.id));

    const search = await rows(
      `select seq, kind, id, level, name, text, quote, document_id, document_title, document_file, section from ${SCHEMA}.search_item where region_code = $1 order by seq`,
    );
    expect(search).toEqual(searchRows(expected).map(({ region_code: _, ...r }) => r));

    type Row = { aggregate: string; grp: string };
    const byName = (a: Row, b: Row) => (a.aggregate === b.aggregate ? (a.grp < b.grp ? -1 : a.grp > b.grp ? 1 : 0) : a.aggregate < b.aggregate ? -1 : 1);
    const groups = (await rows(`select aggregate, grp, total, data from ${SCHEMA}.agg_group where region_code = $1`)) as Row[];
    const want = Object.entries(groupsOfRegion(expected)).flatMap(([aggregate, list]) =>
      list.map((g) => ({ aggregate, grp: g.grp, total: g.total ?? g.items?.length ?? 0, data: g.data ?? {} })),
    );
    expect(groups.sort(byName)).toEqual((JSON.parse(JSON.stringify(want)) as Row[]).sort(byName));
  });
});
