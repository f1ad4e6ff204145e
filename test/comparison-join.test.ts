/**
 * The federation join: a comparison row (served from the read model) carries its region as an entity
 * reference, and the gateway fetches fields only the region's own subgraph serves, by key, in the same
 * request. The expected values come from the regions' own drill-down and the data files.
 */
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { gqlOk } from './support/client';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionFiles } from './support/data-files';

/** The source documents of a region, as its data files name them. */
const documentsOf = (code: string) => {
  const dir = join(__dirname, '..', 'subgraphs', code, 'data');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => (JSON.parse(readFileSync(join(dir, n), 'utf8')) as { file: string }).file);
};

describe('comparison rows joined to region-owned fields', () => {
  it("every body row resolves its region in the region's own subgraph", async () => {
    const data = await gqlOk<{
      landscape: { bodies: { nodes: Array<{ id: string; regionCode: string; region: { code: string; name: string; documents: Array<{ file: string }> } }> } };
    }>('{ landscape { bodies(first: 200) { nodes { id regionCode region { code name documents { file } } } } } }');
    const nodes = data.landscape.bodies.nodes;
    expect(nodes.length).toBe(REGIONS.reduce((n, r) => n + regionFiles(r.code).bodies.length, 0));
    for (const node of nodes) {
      const entry = REGIONS.find((r) => r.code === node.regionCode)!;
      expect(node.region.code).toBe(entry.code);
      expect(node.region.name).toBe(entry.name);
      expect(node.region.documents.map((d) => d.file)).toEqual(documentsOf(entry.code));
    }
  });

  it("a frequency row reaches a typed field only its region has (Kalmar's presidiekonferens)", async () => {
    const data = await gqlOk<{
      landscape: {
        bodies: { totalCount: number };
        meetingFrequencyTable: Array<{ regionCode: string; bodyName: string; region: { presidiekonferens?: { body: { id: string; name: string } } } }>;
      };
      kalmar: { presidiekonferens: { body: { id: string; name: string } } };
    }>(`{
      kalmar { presidiekonferens { body { id name } } }
      counted: landscape { bodies(filter: { regions: ["kalmar"], hasFrequency: true }) { totalCount } }
      landscape { meetingFrequencyTable(filter: { regions: ["kalmar"] }) { regionCode bodyName region { ... on KalmarRegion { presidiekonferens { body { id name } } } } } }
    }`);
    const rows = data.landscape.meetingFrequencyTable;
    expect(rows.length).toBe((data as unknown as { counted: { bodies: { totalCount: number } } }).counted.bodies.totalCount);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.region.presidiekonferens).toEqual(data.kalmar.presidiekonferens);
  });
});
