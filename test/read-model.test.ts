/**
 * The comparison's read model, end to end through a gateway: it syncs a region when the region's data
 * changes (a restarted region with new data is seen within seconds, with no restart of the comparison or
 * the gateway), serves a region that is down from its last good copy marked stale with the reason, and
 * is fresh again when the region is back. Runs its own region (the first in the registry, on a copy of
 * its data), comparison and gateway, with schemas of their own; the other regions are the test
 * federation's.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawnService, stopChild } from '../scripts/lib/federation';
import { portVar, REGIONS } from '../contract/src/registry';
import { dropSchemas, eventually, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { testServiceEnv } from './support/services';

const REGION = REGIONS[0]!;
const PREFIX = 'readmodel_';
const PORTS = { gateway: testPort(15800), region: testPort(15801), comparison: testPort(15805) };
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const gateway = url(PORTS.gateway);

let dataDir = '';
const processes: Partial<Record<'region' | 'comparison' | 'gateway', ChildProcess>> = {};

const env = (extra: Record<string, string> = {}) => testServiceEnv(PREFIX, { [REGION.code]: url(PORTS.region), comparison: url(PORTS.comparison) }, extra);

const startRegion = async () => {
  processes.region = await spawnService(`subgraphs/${REGION.code}`, PORTS.region, env({ [portVar(REGION.code)]: String(PORTS.region), DATA_DIR: dataDir }));
};

type Freshness = { regionCode: string; dataVersion: string | null; stale: boolean; reason: string | null };
const freshness = async () =>
  (await gqlOk<{ landscape: { freshness: Freshness[] } }>('{ landscape { freshness { regionCode dataVersion stale reason } } }', undefined, gateway)).landscape
    .freshness;
const mine = async () => (await freshness()).find((f) => f.regionCode === REGION.code)!;
const regionVersion = async () => ((await (await fetch(`http://127.0.0.1:${PORTS.region}/version`)).json()) as { dataVersion: string }).dataVersion;

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION.code}`, `${PREFIX}comparison`]);
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-read-model-'));
  cpSync(join(__dirname, '..', 'subgraphs', REGION.code, 'data'), dataDir, { recursive: true });
  await startRegion();
  processes.comparison = await spawnService('subgraphs/comparison', PORTS.comparison, env({ COMPARISON_PORT: String(PORTS.comparison) }));
  processes.gateway = await spawnService('gateway', PORTS.gateway, env({ GATEWAY_PORT: String(PORTS.gateway) }));
});

afterAll(async () => {
  await Promise.all(Object.values(processes).map((p) => p && stopChild(p)));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the comparison read model', () => {
  it('holds a fresh copy of every region, at the data version each region serves', async () => {
    await eventually(async () => expect((await freshness()).every((f) => !f.stale)).toBe(true));
    const list = await freshness();
    expect(list.map((f) => f.regionCode)).toEqual(REGIONS.map((r) => r.code));
    expect((await mine()).dataVersion).toBe(await regionVersion());
  });

  it('syncs a region whose data changed when it restarts, without restarting the comparison or the gateway', async () => {
    const before = (await mine()).dataVersion;
    const file = readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()[0]!;
    const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
    data.bodies[0].notes = [...data.bodies[0].notes, 'A note added by the read-model test.'];
    writeFileSync(join(dataDir, file), JSON.stringify(data, null, 2));
    await stopChild(processes.region!);
    await startRegion();
    const after = await regionVersion();
    expect(after).not.toBe(before);
    await eventually(async () => expect(await mine()).toMatchObject({ dataVersion: after, stale: false }));
  });

  it('serves a region that is down from its last good copy, marked stale with the reason, and fresh again when it is back', async () => {
    const held = (await mine()).dataVersion;
    await stopChild(processes.region!);
    await eventually(async () => expect((await mine()).stale).toBe(true));
    const down = await mine();
    expect(down.dataVersion).toBe(held);
    expect(down.reason).toMatch(/did not answer/);
    expect(down.reason).not.toContain(String(PORTS.region));
    await startRegion();
    await eventually(async () => expect(await mine()).toMatchObject({ dataVersion: held, stale: false, reason: null }));
  });
});
