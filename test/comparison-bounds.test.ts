/**
 * Issue #13: every list an aggregate answers with is bounded by the aggregate's `first`, with the
 * count of the whole list beside it. On the real data every list fits the default, so the default
 * answer is whole (its counts equal its lengths); a smaller `first` gives the same entries, cut.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from './support/client';

const Q = {
  roles: (first: string) => `{ landscape { rolesCrosswalk${first} { rows { kind regions { regionCode roleCount roles { id } } } } } }`,
  duties: (first: string) => `{ landscape { reportingDuties${first} { dutyCount duties { id regionCode } } } }`,
  chains: (first: string) => `{ landscape { reportingChains${first} { regions { regionCode nodeCount roleNodeCount edgeCount notUpwardCount pathCount
    nodes { id } roleNodes { id } edges { from to } notUpward { from to } paths { bodyIds } } } } }`,
  matrix: (first: string) => `{ landscape { comparisonMatrix${first} { rows { aspect cells { regionCode value details quoteCount quotes { quote } } } } } }`,
  differences: (first: string) =>
    `{ landscape { differences(regions: ["orebro", "kalmar", "hoglandet", "samla"]${first}) { dimensions { dimension regions { regionCode onlyHere { value quoteCount quotes { quote } } } } } } }`,
  functions: (first: string) => `{ landscape { functionalCrosswalk${first} {
    functions { function regions { regionCode performerCount performers { title } } }
    regions { regionCode roleCount rolesWithoutDutiesCount roles { roleId closest { regionCode roleId } } rolesWithoutDuties { id } } } } }`,
  summary: (first: string) => `{ landscape { frequencySummary${first} { regions { regionCode bodiesWithoutFrequency bodiesWithoutFrequencyList { id } } } } }`,
  table: (first: string) => `{ landscape { meetingFrequencyTable${first} { rank bodyId } } }`,
};
type Name = keyof typeof Q;
// Aspects whose value is made of the cell's facts, joined with "; " (the chair offices: one fact per quote).
const JOINED = ['ANNUAL_REPORT', 'HALF_YEAR_REPORT', 'ACTION_PLAN_REVISION', 'CHAIR_SELECTION', 'VICE_CHAIR'];

const args = (name: Name, first: number | null) => {
  if (first === null) return '';
  return name === 'differences' ? `, first: ${first}` : `(first: ${first})`;
};

const whole = {} as Record<Name, any>;
beforeAll(async () => {
  for (const name of Object.keys(Q) as Name[]) whole[name] = (await gqlOk<{ landscape: any }>(Q[name](args(name, null)))).landscape;
});
const cut = async (name: Name, first: number) => (await gqlOk<{ landscape: any }>(Q[name](args(name, first)))).landscape;

describe('aggregate bounds: first and the counts', () => {
  it('on the real data the default answer is whole: every count equals its list', () => {
    for (const row of whole.roles.rolesCrosswalk.rows) for (const r of row.regions) expect(r.roles.length).toBe(r.roleCount);
    expect(whole.duties.reportingDuties.duties.length).toBe(whole.duties.reportingDuties.dutyCount);
    for (const r of whole.chains.reportingChains.regions) {
      expect([r.nodes.length, r.roleNodes.length, r.edges.length, r.notUpward.length, r.paths.length]).toEqual([
        r.nodeCount,
        r.roleNodeCount,
        r.edgeCount,
        r.notUpwardCount,
        r.pathCount,
      ]);
    }
    for (const row of whole.matrix.comparisonMatrix.rows) for (const c of row.cells) expect(c.quotes.length).toBe(c.quoteCount);
    for (const d of whole.differences.differences.dimensions) for (const r of d.regions) for (const v of r.onlyHere) expect(v.quotes.length).toBe(v.quoteCount);
    for (const f of whole.functions.functionalCrosswalk.functions) for (const r of f.regions) expect(r.performers.length).toBe(r.performerCount);
    for (const r of whole.functions.functionalCrosswalk.regions) {
      expect([r.roles.length, r.rolesWithoutDuties.length]).toEqual([r.roleCount, r.rolesWithoutDutiesCount]);
    }
    for (const r of whole.summary.frequencySummary.regions) expect(r.bodiesWithoutFrequencyList.length).toBe(r.bodiesWithoutFrequency);
  });

  it('first: 1 gives the first entry of each list, and the same counts', async () => {
    const roles = (await cut('roles', 1)).rolesCrosswalk.rows;
    expect(roles.map((row: any) => row.regions.map((r: any) => ({ ...r, roles: r.roles })))).toEqual(
      whole.roles.rolesCrosswalk.rows.map((row: any) => row.regions.map((r: any) => ({ ...r, roles: r.roles.slice(0, 1) }))),
    );
    const duties = (await cut('duties', 1)).reportingDuties;
    expect(duties).toEqual({ dutyCount: whole.duties.reportingDuties.dutyCount, duties: whole.duties.reportingDuties.duties.slice(0, 1) });
    const chains = (await cut('chains', 1)).reportingChains.regions;
    const lists = ['nodes', 'roleNodes', 'edges', 'notUpward', 'paths'];
    expect(chains).toEqual(whole.chains.reportingChains.regions.map((r: any) => ({ ...r, ...Object.fromEntries(lists.map((l) => [l, r[l].slice(0, 1)])) })));
    const summary = (await cut('summary', 1)).frequencySummary.regions;
    expect(summary).toEqual(
      whole.summary.frequencySummary.regions.map((r: any) => ({ ...r, bodiesWithoutFrequencyList: r.bodiesWithoutFrequencyList.slice(0, 1) })),
    );
    const differences = (await cut('differences', 1)).differences.dimensions;
    expect(differences).toEqual(
      whole.differences.differences.dimensions.map((d: any) => ({
        ...d,
        regions: d.regions.map((r: any) => ({ ...r, onlyHere: r.onlyHere.map((v: any) => ({ ...v, quotes: v.quotes.slice(0, 1) })) })),
      })),
    );
    const table = (await cut('table', 3)).meetingFrequencyTable;
    expect(table).toEqual(whole.table.meetingFrequencyTable.slice(0, 3));
  });

  it('a matrix cell of several facts gives the first ones: quotes, details and, for a value made of them, the value', async () => {
    const cells = (first: any) => first.comparisonMatrix.rows.flatMap((row: any) => row.cells.map((c: any) => ({ aspect: row.aspect, ...c })));
    const several = cells(whole.matrix).filter((c: any) => c.quoteCount > 1);
    expect(several.length).toBeGreaterThan(0);
    const one = cells(await cut('matrix', 1));
    for (const c of several) {
      const mine = one.find((o: any) => o.aspect === c.aspect && o.regionCode === c.regionCode);
      expect(mine.quotes).toEqual(c.quotes.slice(0, 1));
      expect(mine.details).toEqual(c.details.slice(0, 1));
      expect(mine.quoteCount).toBe(c.quoteCount);
      if (c.value === null) expect(mine.value).toBeNull();
      else if (JOINED.includes(c.aspect)) expect(c.value.slice(0, mine.value.length + 2)).toBe(`${mine.value}; `);
      else expect(mine.value).toBe(c.value);
    }
  });

  it('functionalCrosswalk: performers, roles and closest matches cut to first', async () => {
    const fx = (await cut('functions', 1)).functionalCrosswalk;
    for (const f of fx.functions) for (const r of f.regions) expect(r.performers.length).toBe(Math.min(1, r.performerCount));
    for (const r of fx.regions) {
      expect(r.roles.length).toBe(Math.min(1, r.roleCount));
      for (const role of r.roles)
        for (const code of new Set(role.closest.map((m: any) => m.regionCode))) {
          expect(role.closest.filter((m: any) => m.regionCode === code).length).toBe(1);
        }
    }
  });

  it('functionalCrosswalk: closest cut to closestFirst per other region, closestCounts counting every tie', async () => {
    type Role = {
      roleId: string;
      closest: Array<{ regionCode: string; roleId: string }>;
      closestCounts: Array<{ regionCode: string; count: number; score: number }>;
    };
    const ask = async (closestFirst: number) =>
      (
        await gqlOk<{ landscape: any }>(`{ landscape { functionalCrosswalk(closestFirst: ${closestFirst}) {
      regions { regionCode roles { roleId closest { regionCode roleId } closestCounts { regionCode count score } } } } } }`)
      ).landscape.functionalCrosswalk.regions as Array<{ regionCode: string; roles: Role[] }>;
    const [all, one] = [await ask(500), await ask(1)];
    const ids = (role: Role, code: string) => role.closest.filter((m) => m.regionCode === code).map((m) => m.roleId);
    let tied = 0;
    all.forEach((region, i) =>
      region.roles.forEach((role, j) => {
        expect(role.closestCounts.map((c) => c.regionCode)).toEqual(all.map((r) => r.regionCode).filter((c) => c !== region.regionCode));
        expect(one[i]!.roles[j]!.closestCounts).toEqual(role.closestCounts);
        for (const c of role.closestCounts) {
          // On the real data every tie fits the default first (50): closestFirst 500 lists them all.
          expect(ids(role, c.regionCode)).toHaveLength(c.count);
          expect(ids(one[i]!.roles[j]!, c.regionCode)).toEqual(ids(role, c.regionCode).slice(0, 1));
          if (c.count > 1) tied++;
        }
      }),
    );
    expect(tied).toBeGreaterThan(0);
  });

  it.each([-1, 501])('closestFirst: %s is refused with BAD_USER_INPUT', async (closestFirst) => {
    const res = await gql(`{ landscape { functionalCrosswalk(closestFirst: ${closestFirst}) { regions { regionCode } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([-1, 501])('first: %s is refused with BAD_USER_INPUT', async (first) => {
    const res = await gql(`{ landscape { rolesCrosswalk(first: ${first}) { rows { kind } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
