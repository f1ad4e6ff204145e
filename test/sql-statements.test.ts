/**
 * Bounded work per request: the main comparison queries cost each region subgraph a fixed, small
 * number of SQL statements (one per region list the aggregate requires), the same on every run.
 * Counted from each region subgraph's /metrics (knex's query event).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readCounter } from '../shared/src/metrics';
import { REGIONS } from '../shared/src/registry';
import { gqlOk } from './support/client';

const queries = join(__dirname, '..', 'docs', 'queries');
const MAIN = [
  ['meeting-frequency table', '{ landscape { missingRegions meetingFrequencyTable { rank regionCode bodyName } } }'],
  ['roles crosswalk', readFileSync(join(queries, '03-roles-crosswalk.graphql'), 'utf8')],
  ['comparison matrix', readFileSync(join(queries, '06-comparison-matrix.graphql'), 'utf8')],
  ['bodies, filtered and paginated', readFileSync(join(queries, '01-bodies-filtered.graphql'), 'utf8')],
] as const;

async function sqlCounts(): Promise<number[]> {
  const urls = inject('subgraphUrls');
  return Promise.all(REGIONS.map(async (r) => {
    const text = await (await fetch(urls[r.code]!.replace(/\/graphql$/, '/metrics'))).text();
    return readCounter(text, 'samverkan_sql_statements_total');
  }));
}

describe('SQL statements per request', () => {
  it.each(MAIN)('%s: a fixed number per region', async (_name, query) => {
    const runs: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const before = await sqlCounts();
      await gqlOk(`${query}\n# run ${i} ${Date.now()}`); // a new body each time, so the response cache misses
      const after = await sqlCounts();
      runs.push(after.map((n, j) => n - before[j]!));
    }
    // The same on every run, and no more than one statement per required list (bodies, roles, reporting duties, plans, decision rules, documents).
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    for (const perRegion of runs[0]!) {
      expect(perRegion).toBeGreaterThanOrEqual(1);
      expect(perRegion).toBeLessThanOrEqual(6);
    }
  });
});
