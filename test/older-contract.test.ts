/**
 * Shared-contract evolution without lock-step: one region runs the previous shared contract (without
 * fields added since), the others the current one. The comparison still syncs it (asking only for the
 * fields its contract has, and saying which are missing), and through the gateway every query that
 * does not ask for the new fields works, for that region too.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { REGIONS, urlVar } from '../contract/src/registry';
import { PAGED_LISTS } from '../subgraphs/comparison/src/read-model/snapshot-query';
import { dropSchemas, gql, gqlOk } from './support/client';
import { startOlderRegion } from './support/older-region';
import { testPort } from './support/ports';

const OLD = REGIONS[1]!;
/** Fields of the shared contract added since: the older region does not have them (on Region: on its interface and its type). */
const REGION_FIELDS = ['dataVersion', 'updatedAt', 'events', 'changes'];
/** The paging arguments of the region's lists came later too: the comparison reads its one answer (write-copy.ts takes it as one page per list). */
const PAGING = PAGED_LISTS.flatMap((list) => ['first', 'afterId'].flatMap((arg) => [`Region.${list}(${arg})`, `${OLD.typename}.${list}(${arg})`]));
const ADDED = ['ReportingDuty.toRoleId', 'Statement.category', ...REGION_FIELDS.flatMap((f) => [`Region.${f}`, `${OLD.typename}.${f}`]), ...PAGING];
const PORTS = { gateway: testPort(15820), region: testPort(15821), comparison: testPort(15825) };
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const gateway = url(PORTS.gateway);

let older: { stop: () => Promise<void> } | undefined;
const processes: ChildProcess[] = [];

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), ['oldcontract_comparison']);
  older = await startOlderRegion(OLD.code, PORTS.region, ADDED);
  const urls = inject('subgraphUrls');
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false',
    DATABASE_URL: inject('databaseUrl'),
    DB_SCHEMA_PREFIX: 'oldcontract_',
    SYNC_INTERVAL_MS: '200',
    ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), urls[r.code]!])),
    [urlVar(OLD.code)]: url(PORTS.region),
    COMPARISON_URL: url(PORTS.comparison),
  };
  processes.push(await spawnService('subgraphs/comparison', PORTS.comparison, { ...env, COMPARISON_PORT: String(PORTS.comparison) }));
  processes.push(await spawnService('gateway', PORTS.gateway, { ...env, GATEWAY_PORT: String(PORTS.gateway) }));
});

afterAll(async () => {
  await Promise.all(processes.map(stopChild));
  await older?.stop();
});

describe('a region on the previous shared contract', () => {
  it('is synced into the comparison, which names the fields its contract lacks', async () => {
    type F = { regionCode: string; stale: boolean; dataVersion: string | null; missingFields: string[] };
    let mine: F | undefined;
    for (let i = 0; i < 100 && !mine?.dataVersion; i++) {
      const r = await gqlOk<{ landscape: { freshness: F[] } }>(
        '{ landscape { freshness { regionCode stale dataVersion missingFields } } }',
        undefined,
        gateway,
      );
      mine = r.landscape.freshness.find((f) => f.regionCode === OLD.code);
      if (!mine?.dataVersion) await new Promise((res) => setTimeout(res, 100));
    }
    expect(mine).toMatchObject({ stale: false, dataVersion: 'older-contract' });
    expect(mine!.missingFields, JSON.stringify(mine!.missingFields)).toContain('reportingDuties.toRoleId');
    // The history and events it lacks: the sync asked for them by name and dropped them by its SDL.
    expect(mine!.missingFields).toContain('changes');
    expect(mine!.missingFields).toContain('events');
    expect(mine!.missingFields.every((f) => ADDED.some((a) => f === a.split('.')[1] || f.endsWith(`.${a.split('.')[1]}`)))).toBe(true);
  });

  it('is held whole by the comparison, read in one answer: every body, role and reporting duty it serves', async () => {
    type Lists = { bodies: Array<{ id: string }>; reportingDuties: Array<{ id: string }> };
    const served = await gqlOk<{ r: Lists }>(`{ r: ${OLD.code} { bodies { id } reportingDuties { id } } }`, undefined, gateway);
    const held = await gqlOk<{ landscape: { bodies: { totalCount: number; nodes: Array<{ id: string }> }; reportingDuties: { dutyCount: number } } }>(
      `{ landscape { bodies(filter: { regions: ["${OLD.code}"] }, first: 200) { totalCount nodes { id } } reportingDuties(filter: { regions: ["${OLD.code}"] }) { dutyCount } } }`,
      undefined,
      gateway,
    );
    expect(served.r.bodies.length).toBeGreaterThan(0);
    expect(held.landscape.bodies.totalCount).toBe(served.r.bodies.length);
    expect(held.landscape.bodies.nodes.map((b) => b.id).sort()).toEqual(served.r.bodies.map((b) => b.id).sort());
    expect(held.landscape.reportingDuties.dutyCount).toBe(served.r.reportingDuties.length);
  });

  it('answers drill-down queries that do not ask for the new fields, through the gateway', async () => {
    const r = await gql<Record<string, { bodies: Array<{ name: string }>; reportingDuties: Array<{ id: string; toText: string }> }>>(
      `{ r: ${OLD.code} { bodies { name } reportingDuties { id toText } } }`,
      undefined,
      gateway,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.r.bodies.length).toBeGreaterThan(0);
  });

  it('has no change history in the comparison (its contract has none), and is not missing for it', async () => {
    const r = await gqlOk<{ landscape: { changes: { totalCount: number; missingRegions: string[] } } }>(
      `{ landscape { changes(regions: ["${OLD.code}"]) { totalCount missingRegions } } }`,
      undefined,
      gateway,
    );
    expect(r.landscape.changes).toEqual({ totalCount: 0, missingRegions: [] });
  });
});
