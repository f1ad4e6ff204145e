/**
 * Issue #25: the aggregates at a region's scale. A region of MAX_FIRST × 5 + 100 bodies (as many roles,
 * half as many reporting duties: scripts/lib/synthetic.ts) is synced by a comparison reading its copy
 * back in pages of SCAN_PAGE entries (many pages per list), through a gateway. Each aggregate's list
 * longer than a group stores answers with its first MAX_FIRST entries in document order, and its count
 * counts all of them. The expectations are read from the region's own answers (paged), by the
 * aggregates' documented definitions, not from the comparison's code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { portVar, REGIONS } from '../contract/src/registry';
import { MAX_FIRST } from '../subgraphs/comparison/src/aggregates/groups';
import { writeSyntheticRegion } from '../scripts/lib/synthetic';
import { dropSchemas, eventually, gqlOk } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const REGION = REGIONS[2]!.code;
const PREFIX = 'aggscale_';
const BODIES = MAX_FIRST * 5 + 100;
const SCAN_PAGE = 97;
const PORTS = { region: testPort(16300), comparison: testPort(16305), gateway: testPort(16302) };
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const services = new Services();
let dataDir = '';

interface Facts {
  bodies: Array<{ id: string; parent: { bodyId: string } | null; chair: object | null; cadence: object | null }>;
  roles: Array<{ id: string; kind: string; duties: unknown[] }>;
  reportingDuties: Array<{ id: string; fromBodyId: string | null; toBodyId: string | null }>;
}
let facts: Facts;

/** One list of the region, all of it, in pages of the region's own paging. */
async function whole<T extends { id: string }>(list: string, selection: string): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const after = out.length ? `, afterId: ${JSON.stringify(out.at(-1)!.id)}` : '';
    const page = (await gqlOk<{ r: Record<string, T[]> }>(`{ r: ${REGION} { ${list}(first: 1000${after}) { ${selection} } } }`, undefined, url(PORTS.region)))
      .r[list]!;
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

const ask = <T>(query: string) => gqlOk<{ landscape: T }>(`{ landscape { ${query} } }`, undefined, url(PORTS.gateway)).then((r) => r.landscape);
const firstIds = (ids: string[]) => ids.slice(0, MAX_FIRST);

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION}`, `${PREFIX}comparison`]);
  dataDir = join(mkdtempSync(join(tmpdir(), 'samverkan-aggregate-scale-')), REGION);
  writeSyntheticRegion(dataDir, BODIES);
  const own = { [REGION]: url(PORTS.region), comparison: url(PORTS.comparison) };
  const env = (extra: Record<string, string>) => testServiceEnv(PREFIX, own, extra);
  await services.start(`subgraphs/${REGION}`, PORTS.region, env({ [portVar(REGION)]: String(PORTS.region), DATA_DIR: dataDir }), { timeoutMs: 120_000 });
  await services.start('subgraphs/comparison', PORTS.comparison, env({ COMPARISON_PORT: String(PORTS.comparison), SYNC_PAGE_SIZE: String(SCAN_PAGE) }));
  await services.start('gateway', PORTS.gateway, env({ GATEWAY_PORT: String(PORTS.gateway) }));
  facts = {
    bodies: await whole('bodies', 'id parent { bodyId } chair { holder } cadence { text }'),
    roles: await whole('roles', 'id kind duties { text }'),
    reportingDuties: await whole('reportingDuties', 'id fromBodyId toBodyId'),
  };
  await eventually(
    async () =>
      expect(
        (await ask<{ frequencySummary: { regions: Array<{ bodyCount: number }> } }>(`frequencySummary(regions: ["${REGION}"]) { regions { bodyCount } }`))
          .frequencySummary.regions[0]?.bodyCount,
      ).toBe(BODIES),
    120_000,
  );
}, 300_000);

afterAll(async () => {
  try {
    await services.stopAll();
  } finally {
    await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION}`, `${PREFIX}comparison`]);
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
});

describe(`aggregates of a region of ${BODIES} bodies, read back in pages of ${SCAN_PAGE}`, () => {
  it('the region is larger than a group stores, in every list checked below', () => {
    expect(facts.bodies).toHaveLength(BODIES);
    expect(facts.bodies.filter((b) => !b.cadence).length).toBeGreaterThan(MAX_FIRST);
    expect(facts.roles.length).toBeGreaterThan(MAX_FIRST);
  });

  it('frequencySummary: the bodies without a frequency, all counted, the first of them listed in document order', async () => {
    const without = facts.bodies.filter((b) => !b.cadence).map((b) => b.id);
    const { frequencySummary } = await ask<{
      frequencySummary: { regions: Array<{ bodyCount: number; bodiesWithoutFrequency: number; bodiesWithoutFrequencyList: Array<{ id: string }> }> };
    }>(`frequencySummary(regions: ["${REGION}"], first: ${MAX_FIRST}) { regions { bodyCount bodiesWithoutFrequency bodiesWithoutFrequencyList { id } } }`);
    const [r] = frequencySummary.regions;
    expect({ count: r!.bodiesWithoutFrequency, ids: r!.bodiesWithoutFrequencyList.map((b) => b.id) }).toEqual({
      count: without.length,
      ids: firstIds(without),
    });
  });

  it('rolesCrosswalk: roles of a kind, then offices stated only on a body, counted whole and listed from the first', async () => {
    const coordinators = facts.roles.filter((r) => r.kind === 'COORDINATOR').map((r) => r.id);
    // No role of kind CHAIR serves a body here, so every chair a body states is a row of its own.
    expect(facts.roles.some((r) => r.kind === 'CHAIR')).toBe(false);
    const chairs = facts.bodies.filter((b) => b.chair).map((b) => `${b.id}#CHAIR`);
    const { rolesCrosswalk } = await ask<{
      rolesCrosswalk: { rows: Array<{ kind: string; regions: Array<{ roleCount: number; roles: Array<{ id: string }> }> }> };
    }>(`rolesCrosswalk(regions: ["${REGION}"], kinds: [COORDINATOR, CHAIR], first: ${MAX_FIRST}) { rows { kind regions { roleCount roles { id } } } }`);
    const of = (kind: string) => rolesCrosswalk.rows.find((row) => row.kind === kind)!.regions[0]!;
    expect({ count: of('COORDINATOR').roleCount, ids: of('COORDINATOR').roles.map((r) => r.id) }).toEqual({
      count: coordinators.length,
      ids: firstIds(coordinators),
    });
    expect({ count: of('CHAIR').roleCount, ids: of('CHAIR').roles.map((r) => r.id) }).toEqual({ count: chairs.length, ids: firstIds(chairs) });
  });

  it('reportingChains: the parent links come first, then the duties upward; every edge counted', async () => {
    const ids = new Set(facts.bodies.map((b) => b.id));
    const parentLinks = facts.bodies.filter((b) => b.parent && ids.has(b.parent.bodyId)).map((b) => `${b.id}>${b.parent!.bodyId}`);
    // Every duty here goes from a body to the top body, the ancestor of all: upward unless it is from the top body itself.
    const duties = facts.reportingDuties.filter((d) => d.fromBodyId !== d.toBodyId);
    const { reportingChains } = await ask<{
      reportingChains: { regions: Array<{ edgeCount: number; notUpwardCount: number; edges: Array<{ from: string; to: string }> }> };
    }>(`reportingChains(regions: ["${REGION}"], first: ${MAX_FIRST}) { regions { edgeCount notUpwardCount edges { from to } } }`);
    const [r] = reportingChains.regions;
    expect(r!.notUpwardCount).toBe(0);
    expect({ count: r!.edgeCount, edges: r!.edges.map((e) => `${e.from}>${e.to}`) }).toEqual({
      count: parentLinks.length + duties.length,
      edges: firstIds(parentLinks),
    });
  });

  it('functionalCrosswalk: every role counted once, as performing, without duties or without functions; the first performers listed in document order', async () => {
    const { functionalCrosswalk } = await ask<{
      functionalCrosswalk: {
        regions: Array<{ roleCount: number; rolesWithoutDutiesCount: number; rolesWithoutFunctionsCount: number; roles: Array<{ roleId: string }> }>;
      };
    }>(
      `functionalCrosswalk(regions: ["${REGION}"], first: ${MAX_FIRST}, closestFirst: 0) { regions { roleCount rolesWithoutDutiesCount rolesWithoutFunctionsCount roles { roleId } } }`,
    );
    const [r] = functionalCrosswalk.regions;
    // Every role here states duties, so none is counted twice (as performing and without duties).
    expect(facts.roles.every((role) => role.duties.length > 0)).toBe(true);
    expect(r!.rolesWithoutDutiesCount).toBe(0);
    expect(r!.roleCount + r!.rolesWithoutFunctionsCount).toBe(facts.roles.length);
    const order = new Map(facts.roles.map((role, i) => [role.id, i]));
    const positions = r!.roles.map((role) => order.get(role.roleId)!);
    expect(positions).toHaveLength(Math.min(MAX_FIRST, r!.roleCount));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });
});
