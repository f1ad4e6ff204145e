/**
 * A region's list without `first` is answered whole up to MAX_REGION_LIST_PAGE entries; a longer one is a
 * BAD_USER_INPUT error that says to page, and the region goes on serving (building one answer of tens
 * of thousands of bodies would take its memory). A region serving a synthetic data folder one body over
 * the bound (scripts/lib/synthetic.ts), on its own schema and port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { portVar, REGIONS } from '../contract/src/registry';
import { MAX_REGION_LIST_PAGE } from '../shared/src/graphql/list-page';
import { writeSyntheticRegion } from '../scripts/lib/synthetic';
import { dropSchemas, gql, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const REGION = REGIONS[1]!.code;
const PORT = testPort(15850);
const PREFIX = 'listlimit_';
const URL = `http://127.0.0.1:${PORT}/graphql`;
const services = new Services();
let dataDir = '';
let counts: { bodies: number; roles: number; reportingDuties: number };

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION}`]);
  dataDir = join(mkdtempSync(join(tmpdir(), 'samverkan-list-limit-')), REGION);
  counts = writeSyntheticRegion(dataDir, MAX_REGION_LIST_PAGE + 1);
  await services.start(`subgraphs/${REGION}`, PORT, testServiceEnv(PREFIX, {}, { [portVar(REGION)]: String(PORT), DATA_DIR: dataDir }), { timeoutMs: 120_000 });
}, 180_000);

afterAll(async () => {
  try {
    await services.stopAll();
  } finally {
    await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION}`]);
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
});

describe(`a region list longer than ${MAX_REGION_LIST_PAGE} entries`, () => {
  it('without first is a BAD_USER_INPUT error that says how to page', async () => {
    expect(counts.bodies).toBe(MAX_REGION_LIST_PAGE + 1);
    const r = await gql(`{ r: ${REGION} { bodies { id } } }`, undefined, URL);
    expect(r.data).toEqual({ r: { bodies: null } });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toBe(
      `This list has more than ${MAX_REGION_LIST_PAGE} entries: ask for it in pages, with first (at most ${MAX_REGION_LIST_PAGE}) and afterId (the id of the last entry of the previous page).`,
    );
  });

  it('in pages gives every entry, and a shorter list of the same region is answered whole', async () => {
    const first = (await gqlOk<{ r: { bodies: Array<{ id: string }> } }>(`{ r: ${REGION} { bodies(first: ${MAX_REGION_LIST_PAGE}) { id } } }`, undefined, URL))
      .r.bodies;
    expect(first).toHaveLength(MAX_REGION_LIST_PAGE);
    const rest = (
      await gqlOk<{ r: { bodies: Array<{ id: string }> } }>(
        `{ r: ${REGION} { bodies(first: ${MAX_REGION_LIST_PAGE}, afterId: ${JSON.stringify(first.at(-1)!.id)}) { id } } }`,
        undefined,
        URL,
      )
    ).r.bodies;
    expect(rest).toHaveLength(1);
    expect(new Set([...first, ...rest].map((b) => b.id)).size).toBe(counts.bodies);
    const duties = (await gqlOk<{ r: { reportingDuties: unknown[] } }>(`{ r: ${REGION} { reportingDuties { id } } }`, undefined, URL)).r.reportingDuties;
    expect(duties).toHaveLength(counts.reportingDuties);
  });
});
