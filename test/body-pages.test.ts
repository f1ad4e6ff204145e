/**
 * Issue #13, keyset pages: every order of the bodies page (REGION, NAME, MEETINGS_PER_YEAR, each
 * ASC and DESC), with and without a filter, walked page by page from the cursor, gives exactly the
 * order sorted here from the regions' own answers (registry order and each region's document order
 * as its subgraph serves its bodies), every body once; and the meeting-frequency table is in its
 * documented order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { gql, gqlOk } from './support/client';

interface Node {
  id: string;
  regionCode: string;
  name: string;
  frequency: { minPerYear: number | null; maxPerYear: number | null } | null;
}
interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
}

const NODE = 'id regionCode name frequency { minPerYear maxPerYear }';
const rank = (code: string) => REGIONS.findIndex((r) => r.code === code);
/** Each body's place in its region's own list, as the region serves it. */
const position = new Map<string, number>();

beforeAll(async () => {
  for (const r of REGIONS) {
    const data = await gqlOk<Record<string, { bodies: Array<{ id: string }> }>>(`{ ${r.code} { bodies { id } } }`);
    data[r.code]!.bodies.forEach((b, i) => position.set(`${r.code}/${b.id}`, i));
  }
});

const pos = (n: Node) => position.get(`${n.regionCode}/${n.id}`)!;
const tie = (a: Node, b: Node) => rank(a.regionCode) - rank(b.regionCode) || pos(a) - pos(b);
/** PostgreSQL's ICU collation is deterministic: names equal to ICU but not in bytes are ordered by their bytes. */
const byName = (a: string, b: string) => a.localeCompare(b, 'sv') || Buffer.compare(Buffer.from(a), Buffer.from(b));
/** Nulls last in both directions. */
const num = (x: number | null | undefined, y: number | null | undefined, desc: boolean) => {
  if (x == null || y == null) return (x == null ? 1 : 0) - (y == null ? 1 : 0);
  return desc ? y - x : x - y;
};

const ORDERS: Record<string, (a: Node, b: Node) => number> = {
  'REGION ASC': tie,
  'REGION DESC': (a, b) => rank(b.regionCode) - rank(a.regionCode) || pos(a) - pos(b),
  'NAME ASC': (a, b) => byName(a.name, b.name) || tie(a, b),
  'NAME DESC': (a, b) => byName(b.name, a.name) || tie(a, b),
  'MEETINGS_PER_YEAR ASC': (a, b) =>
    num(a.frequency?.minPerYear, b.frequency?.minPerYear, false) || num(a.frequency?.maxPerYear, b.frequency?.maxPerYear, false) || tie(a, b),
  'MEETINGS_PER_YEAR DESC': (a, b) =>
    num(a.frequency?.minPerYear, b.frequency?.minPerYear, true) || num(a.frequency?.maxPerYear, b.frequency?.maxPerYear, true) || tie(a, b),
};
const FILTERS = ['', 'filter: { levels: [STRATEGIC, OPERATIONAL] }', 'filter: { regions: ["samla", "orebro"], hasFrequency: true }'];

const page = async (args: string, first: number, after: string | null) =>
  (
    await gqlOk<{ landscape: { bodies: Conn } }>(
      `query($after: String) { landscape { bodies(${args}, first: ${first}, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${NODE} } } } }`,
      { after },
    )
  ).landscape.bodies;

describe('bodies pages: keyset order and cursors', () => {
  const cases = Object.keys(ORDERS).flatMap((order) => FILTERS.map((filter) => [order, filter] as const));
  it.each(cases)('%s %s: one page is the sorted result, and pages of 3 walk it exactly', async (order, filter) => {
    const [field, direction] = order.split(' ');
    const args = [`sort: { field: ${field}, direction: ${direction} }`, filter].filter(Boolean).join(', ');
    const whole = await page(args, 200, null);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(whole.nodes.length).toBe(whole.totalCount);
    expect(whole.nodes.length).toBeGreaterThan(3);
    const ids = (nodes: Node[]) => nodes.map((n) => `${n.regionCode}/${n.id}`);
    expect(ids(whole.nodes)).toEqual(ids([...whole.nodes].sort(ORDERS[order]!)));
    const walked: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i <= whole.totalCount; i++) {
      const p: Conn = await page(args, 3, after);
      expect(p.totalCount).toBe(whole.totalCount);
      walked.push(...p.nodes);
      expect(p.pageInfo.hasNextPage).toBe(walked.length < whole.totalCount);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids(walked)).toEqual(ids(whole.nodes));
  });

  it('first: 0 after the last body has no next page; after the one before it, it has', async () => {
    // Cursors are opaque: each body's is the one its edge carries.
    const { edges } = (
      await gqlOk<{ landscape: { bodies: { edges: Array<{ cursor: string }> } } }>(
        '{ landscape { bodies(sort: { field: NAME }, first: 200) { edges { cursor } } } }',
      )
    ).landscape.bodies;
    const last = await page('sort: { field: NAME }', 0, edges.at(-1)!.cursor);
    expect([last.nodes, last.pageInfo.hasNextPage]).toEqual([[], false]);
    const before = await page('sort: { field: NAME }', 0, edges.at(-2)!.cursor);
    expect([before.nodes, before.pageInfo.hasNextPage]).toEqual([[], true]);
  });

  it('a cursor whose body the filter excludes is refused with BAD_USER_INPUT', async () => {
    const samla = await page('filter: { regions: ["samla"] }', 1, null);
    const res = await gql(`query($after: String) { landscape { bodies(filter: { regions: ["orebro"] }, after: $after) { totalCount } } }`, {
      after: samla.pageInfo.endCursor,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('meetingFrequencyTable: most frequent first (minimum; exact before approximate; open maximum, then maximum), then registry order, then name, then document order', async () => {
    type Row = {
      rank: number;
      regionCode: string;
      bodyId: string;
      bodyName: string;
      minPerYear: number | null;
      maxPerYear: number | null;
      approximate: boolean;
    };
    const rows = (
      await gqlOk<{ landscape: { meetingFrequencyTable: Row[] } }>(
        '{ landscape { meetingFrequencyTable(first: 500) { rank regionCode bodyId bodyName minPerYear maxPerYear approximate } } }',
      )
    ).landscape.meetingFrequencyTable;
    const node = (r: Row): Node => ({
      id: r.bodyId,
      regionCode: r.regionCode,
      name: r.bodyName,
      frequency: { minPerYear: r.minPerYear, maxPerYear: r.maxPerYear },
    });
    // An open maximum ("minst sex": at least) ranks above any stated one at the same minimum.
    const openMax = (x: number | null) => (x === null ? Infinity : x);
    const order = (a: Row, b: Row) =>
      num(a.minPerYear, b.minPerYear, true) ||
      Number(a.approximate) - Number(b.approximate) ||
      openMax(b.maxPerYear) - openMax(a.maxPerYear) ||
      0 ||
      rank(a.regionCode) - rank(b.regionCode) ||
      byName(a.bodyName, b.bodyName) ||
      pos(node(a)) - pos(node(b));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.bodyId)).toEqual([...rows].sort(order).map((r) => r.bodyId));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_r, i) => i + 1));
  });
});
