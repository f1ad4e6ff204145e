/**
 * Issue 4 acceptance through the gateway, the roles and who reports to whom: the roles crosswalk
 * (question 3) and the reporting duties and chains (question 4), exact values derived from the region
 * data files. The other comparison questions are in comparison.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';
import { regionFiles } from './support/data-files';
import type { Quote } from './support/documents';
import { REGIONS } from '../contract/src/registry';

describe('comparison aggregates through the gateway', () => {
  it("3. rolesCrosswalk: each region's roles per canonical kind, duties by category with the region's wording and quotes, body offices included", async () => {
    type Role = {
      id: string;
      origin: string;
      title: string | null;
      bodies: Array<{ name: string | null }>;
      dutiesByCategory: Array<{ category: string; duties: Array<{ text: string; quote: Quote }> }>;
      offices: Array<{ bodyName: string; rotation: string | null; quote: Quote }>;
      quote: Quote;
    };
    type Row = { kind: string; regions: Array<{ regionCode: string; roles: Role[] }> };
    const data = await gqlOk<{ landscape: { rolesCrosswalk: { missingRegions: string[]; rows: Row[] } } }>(`{
      landscape { rolesCrosswalk(kinds: [COORDINATOR, CHAIR, CONVENER]) { missingRegions rows { kind regions { regionCode roles {
        id origin title bodies { name } dutiesByCategory { category duties { text quote { document section quote } } }
        offices { bodyName rotation quote { document section quote } } quote { document section quote }
      } } } } }
    }`);
    const rows = data.landscape.rolesCrosswalk.rows;
    expect(rows.map((r) => r.kind)).toEqual(['COORDINATOR', 'CHAIR', 'CONVENER']);
    const cell = (kind: string, region: string) => rows.find((r) => r.kind === kind)!.regions.find((r) => r.regionCode === region)!.roles;

    const coordinators = rows.find((r) => r.kind === 'COORDINATOR')!;
    expect(coordinators.regions.map((r) => r.regionCode)).toEqual(REGIONS.map((r) => r.code));
    // A region has coordinators in the crosswalk exactly when its data files model a COORDINATOR role.
    for (const r of coordinators.regions) expect(r.roles.length > 0, r.regionCode).toBe(regionFiles(r.regionCode).roles.some((x) => x.kind === 'COORDINATOR'));
    const koordinator = cell('COORDINATOR', 'hoglandet').find((r) => r.title === 'Samverkanskoordinator')!;
    const reporting = koordinator.dutiesByCategory.find((g) => g.category === 'REPORTING')!;
    const inFile = regionFiles('hoglandet')
      .roles.find((r) => r.title === 'Samverkanskoordinator')!
      .duties.filter((d) => d.category === 'REPORTING');
    expect(reporting.duties.map((d) => d.quote.quote)).toEqual(inFile.map((d) => d.source.quote));
    expect(cell('COORDINATOR', 'orebro').map((r) => r.title)).toContain('Samverkansledare');

    const samlaChair = cell('CHAIR', 'samla').find((r) => r.id === 'samla:ordforande-samordningsgruppen')!;
    expect(samlaChair.offices[0]!.rotation).toBeTruthy();
    expect(samlaChair.offices[0]!.quote.quote).toContain('Ordförandeskapet roterar');

    const convener = cell('CONVENER', 'samla').find((r) => r.origin === 'BODY_OFFICE')!;
    expect(convener.title).toBe('Processledaren för SAMLA');
    expect(convener.quote.quote).toContain('Processledaren för SAMLA är sammankallande');
  });

  it('4. reportingDuties side by side, and reportingChains as nodes and edges up to the political level', async () => {
    type Duty = {
      id: string;
      regionCode: string;
      artifact: string;
      from: { text: string; roleTitle: string | null };
      to: { text: string };
      frequency: { text: string; minPerYear: number | null; maxPerYear: number | null } | null;
      quote: Quote;
    };
    type Edge = { from: string; fromType: string; to: string; toType: string; relation: string; quote: Quote };
    type Chain = {
      regionCode: string;
      nodes: Array<{ id: string; level: string | null }>;
      roleNodes: Array<{ id: string; title: string }>;
      edges: Edge[];
      notUpward: Edge[];
      paths: Array<{ bodyIds: string[]; reachesPolitical: boolean }>;
    };
    const data = await gqlOk<{
      landscape: { reportingDuties: { missingRegions: string[]; duties: Duty[] }; reportingChains: { missingRegions: string[]; regions: Chain[] } };
    }>(`{
      landscape {
        reportingDuties(filter: { artifacts: [HALF_YEAR_REPORT, ANNUAL_REPORT] }) { missingRegions duties { id regionCode artifact from { text roleTitle } to { text } frequency { text minPerYear maxPerYear } quote { document section quote } } }
        reportingChains { missingRegions regions { regionCode nodes { id level } roleNodes { id title } edges { from fromType to toType relation quote { document section quote } } notUpward { from fromType to toType relation quote { document section quote } } paths { bodyIds reachesPolitical } } }
      }
    }`);
    const duties = data.landscape.reportingDuties.duties;
    expect(duties.every((d) => ['HALF_YEAR_REPORT', 'ANNUAL_REPORT'].includes(d.artifact))).toBe(true);
    const halfYear = duties.find((d) => d.regionCode === 'hoglandet' && d.artifact === 'HALF_YEAR_REPORT')!;
    // One reporting stream twice a year (issue #27: it was three duties, "halvårsvisa" among them).
    expect(halfYear.frequency).toMatchObject({ text: 'vid halv- och helårsskifte', minPerYear: 2, maxPerYear: 2 });
    expect(halfYear.from.roleTitle).toBe('Samverkanskoordinator');
    expect(halfYear.quote.quote).toContain('vid halv- och helårsskifte');
    const annual = duties.find((d) => d.regionCode === 'samla' && d.artifact === 'ANNUAL_REPORT')!;
    expect(annual.frequency!.minPerYear).toBe(1);

    const chains = data.landscape.reportingChains;
    expect(chains.missingRegions).toEqual([]);
    expect(chains.regions.map((r) => r.regionCode)).toEqual(REGIONS.map((r) => r.code));
    for (const region of chains.regions) {
      const ids = new Set([...region.nodes.map((n) => `BODY:${n.id}`), ...region.roleNodes.map((n) => `ROLE:${n.id}`)]);
      const edgeKeys = new Set(region.edges.map((e) => `${e.fromType}:${e.from}>${e.toType}:${e.to}`));
      for (const e of region.edges) {
        expect(ids.has(`${e.fromType}:${e.from}`) && ids.has(`${e.toType}:${e.to}`), `${e.from} > ${e.to}`).toBe(true);
        expect(e.quote.quote.length).toBeGreaterThan(0);
        // no two-way loop: a dialogue is not a report
        expect(edgeKeys.has(`${e.toType}:${e.to}>${e.fromType}:${e.from}`), `${e.from} <> ${e.to}`).toBe(false);
      }
      // every duty in the data file addressed to a role, from a body or role, is an edge (or a notUpward one) to that role node
      const files = regionFiles(region.regionCode);
      for (const d of files.reportingDuties.filter((x) => x.toRoleId && !x.toBodyId && (x.fromBodyId || x.fromRoleId))) {
        const from = d.fromBodyId ?? d.fromRoleId!;
        expect([...region.edges, ...region.notUpward], d.id).toContainEqual(
          expect.objectContaining({ from, to: d.toRoleId, toType: 'ROLE', quote: expect.objectContaining({ quote: d.source.quote }) }),
        );
      }
    }
    const kalmar = chains.regions.find((r) => r.regionCode === 'kalmar')!;
    const fromRole = regionFiles('kalmar').reportingDuties.find((d) => d.fromRoleId && !d.fromBodyId && d.toBodyId)!;
    expect(kalmar.edges).toContainEqual(expect.objectContaining({ from: fromRole.fromRoleId, fromType: 'ROLE', to: fromRole.toBodyId, toType: 'BODY' }));
    expect(kalmar.roleNodes.map((n) => n.id)).toContain(fromRole.fromRoleId);
    const samla = chains.regions.find((r) => r.regionCode === 'samla')!;
    expect(samla.edges).toContainEqual(
      expect.objectContaining({ from: 'samla:samordningsgruppen', to: 'samla:politiska-samradsgruppen', relation: 'REPORTS_TO' }),
    );
    // SAMLA's dialogue with NOSAM is a networking duty of the group above, not a report: no edge either way.
    expect([...samla.edges, ...samla.notUpward]).not.toContainEqual(expect.objectContaining({ from: 'samla:samordningsgruppen', to: 'samla:nosam' }));
    expect(samla.paths).toContainEqual({ bodyIds: ['samla:nosam', 'samla:samordningsgruppen', 'samla:politiska-samradsgruppen'], reachesPolitical: true });
    const orebro = chains.regions.find((r) => r.regionCode === 'orebro')!;
    const fromLocal = orebro.paths.find((p) => p.bodyIds[0] === 'orebro:lokala-samverkansgrupperingar')!;
    expect(fromLocal.reachesPolitical).toBe(true);
    expect(fromLocal.bodyIds).toContain('orebro:lansdelsgrupp');
  });
});
