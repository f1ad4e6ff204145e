/**
 * Bounded work per request: the main comparison queries are answered from the comparison's read
 * model. They cost the region subgraphs no SQL statement at all (the gateway no longer fetches region
 * data for an aggregate), and the comparison a fixed, small number of statements (its held copies,
 * then at most one statement per read-model table the aggregate reads), the same on every run and the
 * same whether the aggregate reads one region or every region. Counted from each subgraph's /metrics
 * (knex's query event).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readCounter } from '../shared/src/metrics';
import { COMPARISON, REGIONS } from '../contract/src/registry';
import { gqlOk } from './support/client';

const queries = join(__dirname, '..', 'docs', 'queries');
const MAIN = [
  ['meeting-frequency table', '{ landscape { missingRegions meetingFrequencyTable { rank regionCode bodyName } } }'],
  ['roles crosswalk', readFileSync(join(queries, '03-roles-crosswalk.graphql'), 'utf8')],
  ['comparison matrix', readFileSync(join(queries, '06-comparison-matrix.graphql'), 'utf8')],
  ['bodies, filtered and paginated', readFileSync(join(queries, '01-bodies-filtered.graphql'), 'utf8')],
  ['frequency summary', readFileSync(join(queries, '02-frequency-summary.graphql'), 'utf8')],
  ['reporting duties', readFileSync(join(queries, '04-reporting-duties.graphql'), 'utf8')],
  ['reporting chains', readFileSync(join(queries, '05-reporting-chains.graphql'), 'utf8')],
  ['differences', readFileSync(join(queries, '07-differences.graphql'), 'utf8')],
  ['functional crosswalk', readFileSync(join(queries, '08-functional-crosswalk.graphql'), 'utf8')],
] as const;

/**
 * At most this many comparison statements per Landscape field asked: the held copies (region_sync),
 * then the `body` table and the `fact` table, or the aggregate's precomputed groups (agg_group with
 * its agg_item entries, one statement).
 */
const PER_FIELD = 3;

const sqlCount = async (url: string) => readCounter(await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text(), 'samverkan_sql_statements_total');

/** Statements counted so far: each region's, in registry order, and the comparison's. */
async function sqlCounts(): Promise<{ regions: number[]; comparison: number }> {
  const urls = inject('subgraphUrls');
  const [comparison, ...regions] = await Promise.all([COMPARISON.code, ...REGIONS.map((r) => r.code)].map((c) => sqlCount(urls[c]!)));
  return { regions, comparison: comparison! };
}

/**
 * The statements one request costs. Each request is a different operation, so the response cache (keyed
 * by the normalized operation) misses: a root `__typename` under a fresh alias, which no subgraph works on.
 */
async function cost(query: string, run: number): Promise<{ regions: number[]; comparison: number }> {
  const before = await sqlCounts();
  await gqlOk(query.replace('{', `{ run${run}t${Date.now()}: __typename `));
  const after = await sqlCounts();
  return { regions: after.regions.map((n, j) => n - before.regions[j]!), comparison: after.comparison - before.comparison };
}

/** Landscape fields a query asks for (top level under `landscape`), for the upper bound. */
function landscapeFields(query: string): number {
  const body = query.replace(/#.*$/gm, '');
  const start = body.indexOf('{', body.indexOf('landscape'));
  let depth = 0;
  let fields = 0;
  for (let i = start; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && /[A-Za-z_]/.test(ch) && !/[A-Za-z0-9_]/.test(body[i - 1]!)) fields++;
  }
  return fields;
}

describe('SQL statements per request', () => {
  it('the counters are there: every region and the comparison count their statements', async () => {
    const { regions, comparison } = await sqlCounts();
    for (const n of [...regions, comparison]) expect(Number.isFinite(n)).toBe(true);
    expect(comparison).toBeGreaterThan(0); // it migrated and synced its read model
  });

  it.each(MAIN)('%s: none in any region, a fixed number in the comparison', async (_name, query) => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await cost(query, i));
    for (const run of runs) expect(run.regions).toEqual(REGIONS.map(() => 0));
    // The same on every run, at least one (it does read the model), and bounded by the fields asked.
    expect(runs.map((r) => r.comparison)).toEqual([runs[0]!.comparison, runs[0]!.comparison, runs[0]!.comparison]);
    expect(runs[0]!.comparison).toBeGreaterThanOrEqual(1);
    expect(runs[0]!.comparison).toBeLessThanOrEqual(PER_FIELD * landscapeFields(query));
  });

  it.each([
    ['frequencySummary', (codes: string) => `{ landscape { frequencySummary(regions: ${codes}) { regions { regionCode bodyCount } } } }`],
    ['bodies', (codes: string) => `{ landscape { bodies(filter: { regions: ${codes} }, first: 200) { totalCount nodes { id regionCode } } } }`],
    ['reportingDuties', (codes: string) => `{ landscape { reportingDuties(filter: { regions: ${codes} }) { duties { id regionCode } } } }`],
    ['rolesCrosswalk', (codes: string) => `{ landscape { rolesCrosswalk(regions: ${codes}) { rows { kind regions { roleCount roles { id } } } } } }`],
    [
      'functionalCrosswalk',
      (codes: string) => `{ landscape { functionalCrosswalk(regions: ${codes}) { regions { roleCount roles { roleId closest { roleId } } } } } }`,
    ],
    ['reportingChains', (codes: string) => `{ landscape { reportingChains(regions: ${codes}) { regions { edgeCount edges { from to } } } } }`],
    ['comparisonMatrix', (codes: string) => `{ landscape { comparisonMatrix(regions: ${codes}) { rows { cells { quoteCount quotes { quote } } } } } }`],
  ] as const)('%s: as many comparison statements for one region as for every region (not per region or row)', async (_name, query) => {
    const one = query(JSON.stringify([REGIONS[0]!.code]));
    const all = query(JSON.stringify(REGIONS.map((r) => r.code)));
    const [a, b] = [await cost(one, 0), await cost(all, 1)];
    expect(a.regions).toEqual(REGIONS.map(() => 0));
    expect(b.regions).toEqual(REGIONS.map(() => 0));
    expect(a.comparison).toBeGreaterThanOrEqual(1);
    expect(b.comparison).toBe(a.comparison);
  });
});
