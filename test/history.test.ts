/**
 * Issue #15, "what changed": the change history a region records when it loads a new data version,
 * through a real gateway, on the region's own schema and the comparison's read model.
 *
 * This file runs its own copy of one region (its own schema, on a copy of its data), its own comparison
 * (own read model) and a gateway in front of them. The first load records one INITIAL_LOAD entry; a
 * restart on unchanged data adds nothing; a restart after one fact was changed records exactly that
 * change (fact, fields, before/after, quotes, versions), on the region and, within seconds, across the
 * Landscape.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { portVar } from '../contract/src/registry';
import { regionsWithBodies } from './support/data';
import { diffFacts } from '../contract/src/history/diff';
import { dropSchemas, eventually, gql, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv, type Service } from './support/services';

/** The last registered region that models bodies (a new region may have none yet: its change would be nothing). */
const REGION = regionsWithBodies().at(-1)!.code;
const PORTS = { region: testPort(16002), comparison: testPort(16005), gateway: testPort(16000) };
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const GATEWAY = url(PORTS.gateway);
const PREFIX = 'history_';
/** A test that restarts the region: a start takes seconds, more on a loaded machine. */
const RESTART_MS = 120_000;
const SCHEMAS = [`${PREFIX}${REGION}`, `${PREFIX}comparison`];

const CHANGE =
  'id regionCode at dataVersionBefore dataVersionAfter change factKind factId factName fields { path before after quoteBefore quoteAfter } quoteBefore quoteAfter';
interface Change {
  id: string;
  regionCode: string;
  at: string;
  dataVersionBefore: string | null;
  dataVersionAfter: string;
  change: string;
  factKind: string | null;
  factId: string | null;
  factName: string | null;
  fields: Array<{ path: string; before: string | null; after: string | null; quoteBefore: string | null; quoteAfter: string | null }>;
  quoteBefore: string | null;
  quoteAfter: string | null;
}
interface Page {
  totalCount: number;
  nodes: Change[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const services = new Services();
let region: Service | undefined;
let dataDir = '';

const env = (extra: Record<string, string> = {}) => testServiceEnv(PREFIX, { [REGION]: url(PORTS.region), comparison: url(PORTS.comparison) }, extra);
const startRegion = async () => {
  region = await services.start(`subgraphs/${REGION}`, PORTS.region, env({ [portVar(REGION)]: String(PORTS.region), DATA_DIR: dataDir }));
};
const restartRegion = async () => {
  await services.stop(region?.child);
  await startRegion();
};
const regionVersion = async () => ((await (await fetch(`http://127.0.0.1:${PORTS.region}/version`)).json()) as { dataVersion: string }).dataVersion;

const regionChanges = async (args = '') =>
  (
    await gqlOk<{ region: { dataVersion: string; updatedAt: string; changes: Page } }>(
      `{ region(code: "${REGION}") { dataVersion updatedAt changes${args} { totalCount nodes { ${CHANGE} } pageInfo { hasNextPage endCursor } } } }`,
      undefined,
      GATEWAY,
    )
  ).region;
const landscapeChanges = async (args = `(regions: ["${REGION}"])`) =>
  (
    await gqlOk<{ landscape: { changes: Page & { missingRegions: string[]; staleRegions: string[] } } }>(
      `{ landscape { changes${args} { totalCount missingRegions staleRegions nodes { ${CHANGE} } pageInfo { hasNextPage endCursor } } } }`,
      undefined,
      GATEWAY,
    )
  ).landscape.changes;

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), SCHEMAS);
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-history-'));
  cpSync(join(__dirname, '..', 'subgraphs', REGION, 'data'), dataDir, { recursive: true });
  await startRegion();
  await services.start('subgraphs/comparison', PORTS.comparison, env({ COMPARISON_PORT: String(PORTS.comparison) }));
  await services.start('gateway', PORTS.gateway, env({ GATEWAY_PORT: String(PORTS.gateway) }));
}, 120_000);

afterAll(async () => {
  try {
    await services.stopAll();
  } finally {
    await dropSchemas(inject('databaseUrl'), SCHEMAS);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

let first: { version: string; updatedAt: string; entry: Change } | undefined;

describe(`the change history of one region (${REGION})`, () => {
  it('the first load records one INITIAL_LOAD entry, no per-fact list; dataVersion is GET /version', async () => {
    const version = await regionVersion();
    const r = await regionChanges();
    expect(r.dataVersion).toBe(version);
    expect(Date.parse(r.updatedAt)).not.toBeNaN();
    expect(r.changes.totalCount).toBe(1);
    const [entry] = r.changes.nodes;
    expect(entry).toEqual({
      id: `${REGION}:change:1`,
      regionCode: REGION,
      at: r.updatedAt,
      dataVersionBefore: null,
      dataVersionAfter: version,
      change: 'INITIAL_LOAD',
      factKind: null,
      factId: null,
      factName: null,
      fields: [],
      quoteBefore: null,
      quoteAfter: null,
    });
    first = { version, updatedAt: r.updatedAt, entry: entry! };
  });

  it(
    'a second start with unchanged data adds nothing and keeps dataVersion and updatedAt',
    async () => {
      await restartRegion();
      const r = await regionChanges();
      expect(r.changes.nodes).toEqual([first!.entry]);
      expect(r.dataVersion).toBe(first!.version);
      expect(r.updatedAt).toBe(first!.updatedAt);
    },
    RESTART_MS,
  );

  let changed: { role: { id: string; title: string }; oldText: string; oldQuote: string; newQuote: string } | undefined;

  it(
    'changing one fact and restarting records exactly that change: fact, fields, before/after, quotes, versions',
    async () => {
      const file = readdirSync(dataDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .find((f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8')).roles.some((r: { duties: unknown[] }) => r.duties.length))!;
      const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
      const role = data.roles.find((r: { duties: unknown[] }) => r.duties.length);
      const duty = role.duties[0];
      const oldText = duty.text;
      const oldQuote = duty.source.quote;
      // A shorter quote (still part of the document) and a changed wording of the duty.
      const newQuote = oldQuote.slice(0, Math.max(10, Math.floor(oldQuote.length / 2)));
      duty.text = `${oldText} (changed by the history test)`;
      duty.source.quote = newQuote;
      writeFileSync(join(dataDir, file), JSON.stringify(data, null, 2));
      changed = { role: { id: `${REGION}:${role.id}`, title: role.title }, oldText, oldQuote, newQuote };

      const startedAt = Date.now();
      await restartRegion();
      const version = await regionVersion();
      expect(version).not.toBe(first!.version);
      const r = await regionChanges();
      expect(r.dataVersion).toBe(version);
      expect(Date.parse(r.updatedAt)).toBeGreaterThanOrEqual(startedAt);
      expect(r.changes.totalCount).toBe(2);
      expect(r.changes.nodes.map((n) => n.change)).toEqual(['CHANGED', 'INITIAL_LOAD']); // newest first
      expect(r.changes.nodes[0]).toEqual({
        id: `${REGION}:change:2`,
        regionCode: REGION,
        at: r.updatedAt,
        dataVersionBefore: first!.version,
        dataVersionAfter: version,
        change: 'CHANGED',
        factKind: 'role',
        factId: changed.role.id,
        factName: changed.role.title,
        fields: [
          { path: 'duties[0].text', before: JSON.stringify(oldText), after: JSON.stringify(duty.text), quoteBefore: oldQuote, quoteAfter: newQuote },
          { path: 'duties[0].source.quote', before: JSON.stringify(oldQuote), after: JSON.stringify(newQuote), quoteBefore: oldQuote, quoteAfter: newQuote },
        ],
        quoteBefore: oldQuote,
        quoteAfter: newQuote,
      });
    },
    RESTART_MS,
  );

  it('the change reaches landscape { changes } within a few seconds, the same entry, newest first across regions', async () => {
    const region = await regionChanges();
    const took = await eventually(async () => {
      const l = await landscapeChanges();
      expect(l.nodes).toEqual(region.changes.nodes);
    }, 5000);
    expect(took).toBeLessThan(5000);
    const l = await landscapeChanges();
    expect(l).toMatchObject({ totalCount: 2, missingRegions: [], staleRegions: [], pageInfo: { hasNextPage: false } });
    // Across every region: the newest entry is this change, and the list is ordered newest first.
    const all = await landscapeChanges('(first: 200)');
    expect(all.nodes[0]).toEqual(region.changes.nodes[0]);
    const times = all.nodes.map((n) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('since and cursor pagination, on the region and across the Landscape', async () => {
    const [newest, initial] = (await regionChanges()).changes.nodes;
    for (const ask of [(a: string) => regionChanges(a).then((r) => r.changes), (a: string) => landscapeChanges(a.replace('(', `(regions: ["${REGION}"], `))]) {
      expect((await ask(`(since: "${newest!.at}")`)).nodes).toEqual([newest]);
      expect((await ask(`(since: "${new Date(Date.parse(newest!.at) + 1).toISOString()}")`)).totalCount).toBe(0);
      const page1 = await ask('(first: 1)');
      expect(page1).toMatchObject({ totalCount: 2, nodes: [newest], pageInfo: { hasNextPage: true } });
      const page2 = await ask(`(first: 1, after: "${page1.pageInfo.endCursor}")`);
      expect(page2).toMatchObject({ totalCount: 2, nodes: [initial], pageInfo: { hasNextPage: false } });
    }
  });

  it(
    'a second start with the changed data adds nothing more',
    async () => {
      const before = await regionChanges();
      await restartRegion();
      const after = await regionChanges();
      expect(after).toEqual(before);
    },
    RESTART_MS,
  );

  it.each([
    ['region', `{ region(code: "${REGION}") { changes(since: "last tuesday") { totalCount } } }`, /since: "last tuesday" is not an ISO 8601 date-time/],
    ['landscape', '{ landscape { changes(since: "2026-13-45") { totalCount } } }', /since: "2026-13-45" is not an ISO 8601 date-time/],
    ['region', `{ region(code: "${REGION}") { changes(after: "bm90IGEgY3Vyc29y") { totalCount } } }`, /Invalid cursor/],
    ['landscape', '{ landscape { changes(first: 500) { totalCount } } }', /first must be between 0 and 200/],
    ['landscape', '{ landscape { changes(regions: ["atlantis"]) { totalCount } } }', /Unknown region code\(s\): atlantis/],
  ])('bad input on %s: %s is BAD_USER_INPUT', async (_where, query, message) => {
    const r = await gql(query, undefined, GATEWAY);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the diff itself (contract/src/history/diff.ts)', () => {
  const source = (quote: string) => ({ section: 'S', quote, document: 'd.txt' });
  it('names added and removed facts with their own quote, and nothing for an unchanged one', () => {
    const kinds = { body: [], role: [], reportingDuty: [], plan: [], decisionRule: [], regionalFact: [], document: [], event: [] };
    const before = {
      ...kinds,
      decisionRule: [
        { id: 'r:a', text: 'A', source: source('qa') },
        { id: 'r:b', text: 'B', source: source('qb') },
      ],
    };
    const after = {
      ...kinds,
      decisionRule: [
        { id: 'r:b', text: 'B', source: source('qb') },
        { id: 'r:c', text: 'C', source: source('qc') },
      ],
    };
    expect(diffFacts(before, after)).toEqual([
      { factKind: 'decisionRule', factId: 'r:c', factName: 'C', change: 'ADDED', fields: [], quoteBefore: null, quoteAfter: 'qc' },
      { factKind: 'decisionRule', factId: 'r:a', factName: 'A', change: 'REMOVED', fields: [], quoteBefore: 'qa', quoteAfter: null },
    ]);
  });
});
