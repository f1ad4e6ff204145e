/**
 * Issue 4 acceptance through the gateway: one test per comparison question, exact values derived from
 * the region data files. Here the bodies, their meetings and the region-against-region views (matrix,
 * differences); the roles and who reports to whom (questions 3 and 4) in comparison-roles.test.ts. The
 * docs/queries examples (and each with a region down) are in comparison-queries.test.ts; a region
 * answering with errors in region-errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { gql, gqlOk } from './support/client';
import { allRegionFiles, regionFiles } from './support/data-files';
import { REGIONS } from '../contract/src/registry';
import { regionsWithBodies } from './support/data';
import type { Quote } from './support/documents';

describe('comparison aggregates through the gateway', () => {
  it('1. bodies: filtered (incl. role kind and report artifact), sorted, cursor-paginated, with quotes', async () => {
    type Node = {
      id: string;
      regionCode: string;
      name: string;
      frequency: { minPerYear: number | null; maxPerYear: number | null; source: { quote: string } } | null;
      substituteRule: { rule: string; quote: { quote: string } | null };
      roleKinds: string[];
      reportArtifacts: string[];
    };
    type Conn = {
      totalCount: number;
      missingRegions: string[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Node[];
      edges: Array<{ cursor: string; node: { id: string } }>;
    };
    const fields =
      'totalCount missingRegions nodes { id regionCode name frequency { minPerYear maxPerYear source { quote } } substituteRule { rule quote { quote } } roleKinds reportArtifacts }';
    const pageFields = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id }';
    // One aggregate per request: the gateway's cost limit is per operation.
    const bodies = async (args: string) => (await gqlOk<{ landscape: { bodies: Conn } }>(`{ landscape { bodies(${args}) { ${fields} } } }`)).landscape.bodies;
    const frequent = await bodies('filter: { meetsAtLeast: 6 }, sort: { field: MEETINGS_PER_YEAR, direction: DESC }');
    const forbidden = await bodies('filter: { substituteRules: [FORBIDDEN] }');
    const chaired = await bodies('filter: { roleKinds: [CHAIR], regions: ["orebro", "samla"] }');
    const annual = await bodies('filter: { reportArtifacts: [ANNUAL_REPORT] }');
    const byName = await bodies('sort: { field: NAME }, first: 200');

    const chefsgrupp = frequent.nodes.find((n) => n.id === 'orebro:chefsgrupp-social-valfard-vard-omsorg')!;
    expect(chefsgrupp.frequency).toMatchObject({ minPerYear: 6, maxPerYear: null });
    expect(chefsgrupp.frequency!.source.quote).toContain('minst sex gånger per år');
    for (const n of frequent.nodes) expect(n.frequency!.minPerYear).toBeGreaterThanOrEqual(6);
    const mins = frequent.nodes.map((n) => n.frequency!.minPerYear!);
    expect(mins).toEqual([...mins].sort((a, b) => b - a));
    expect(frequent.missingRegions).toEqual([]);

    const samla = forbidden.nodes.find((n) => n.id === 'samla:samordningsgruppen')!;
    expect(samla.substituteRule.rule).toBe('FORBIDDEN');
    expect(samla.substituteRule.quote!.quote).toContain('kan representanterna inte utse ersättare');
    expect(forbidden.nodes.every((n) => n.substituteRule.rule === 'FORBIDDEN')).toBe(true);

    const chairedInFiles = ['orebro', 'samla'].flatMap((code) => {
      const f = regionFiles(code);
      return f.bodies.filter((b) => b.chair || f.roles.some((r) => r.kind === 'CHAIR' && r.servesBodyIds.includes(b.id))).map((b) => b.id);
    });
    expect(chaired.nodes.map((n) => n.id).sort()).toEqual(chairedInFiles.sort());
    expect(chaired.nodes.every((n) => ['orebro', 'samla'].includes(n.regionCode) && n.roleKinds.includes('CHAIR'))).toBe(true);
    expect(chaired.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['orebro:chefsgrupp-folkhalsa', 'samla:samordningsgruppen']));

    expect(annual.nodes.map((n) => n.id)).toContain('samla:samordningsgruppen');
    expect(annual.nodes.every((n) => n.reportArtifacts.includes('ANNUAL_REPORT'))).toBe(true);

    const names = byName.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    expect(new Set(byName.nodes.map((n) => n.regionCode))).toEqual(new Set(regionsWithBodies().map((r) => r.code)));
    expect(byName.totalCount).toBe(allRegionFiles().reduce((n, f) => n + f.bodies.length, 0));

    // Walk the whole list two at a time: every body exactly once, in the same order as one big page.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const r: { landscape: { bodies: Conn } } = await gqlOk(
        `query($after: String) { landscape { bodies(sort: { field: NAME }, first: 2, after: $after) { ${pageFields} } } }`,
        { after },
      );
      const conn = r.landscape.bodies;
      expect(conn.totalCount).toBe(byName.totalCount);
      expect(conn.edges.map((e) => e.node.id)).toEqual(conn.nodes.map((n) => n.id));
      seen.push(...conn.nodes.map((n) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)!.cursor);
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(byName.nodes.map((n) => n.id));
  });

  it('2. frequencySummary: bodies per level, sum of documented minimum meetings of standing bodies, bodies with no frequency', async () => {
    type Row = {
      regionCode: string;
      bodyCount: number;
      bodiesPerLevel: Array<{ value: string | null; count: number }>;
      standingMinMeetingsPerYear: number;
      standingBodiesWithMinimum: number;
      bodiesWithoutFrequency: number;
    };
    const data = await gqlOk<{ landscape: { frequencySummary: { missingRegions: string[]; regions: Row[] } } }>(`{
      landscape { frequencySummary { missingRegions regions { regionCode bodyCount bodiesPerLevel { value count } standingMinMeetingsPerYear standingBodiesWithMinimum bodiesWithoutFrequency } } }
    }`);
    const s = data.landscape.frequencySummary;
    expect(s.missingRegions).toEqual([]);
    expect(s.regions.map((r) => r.regionCode)).toEqual(REGIONS.map((r) => r.code));
    for (const r of s.regions) expect(r.bodiesPerLevel.reduce((n, l) => n + l.count, 0)).toBe(r.bodyCount);
    const by = (code: string) => s.regions.find((r) => r.regionCode === code)!;
    // Örebro: both chefsgrupper "minst sex gånger per år" and Samverkansgrupp barn och unga "cirka sex gånger".
    // The sum of the documented minimum meetings per year of the bodies not stated TEMPORARY, from the data files.
    const standingMin = (code: string) =>
      regionFiles(code)
        .bodies.filter((b) => b.permanence !== 'TEMPORARY')
        .reduce((n, b) => n + (b.cadence?.minPerYear ?? 0), 0);
    for (const r of s.regions) expect(r.standingMinMeetingsPerYear, r.regionCode).toBe(standingMin(r.regionCode));
    for (const r of s.regions) expect(r.bodyCount, r.regionCode).toBe(regionFiles(r.regionCode).bodies.length);
    // Örebro: both chefsgrupper "minst sex gånger per år" and Samverkansgrupp barn och unga "cirka sex gånger".
    expect(by('orebro').standingMinMeetingsPerYear).toBe(standingMin('orebro'));
    expect(by('samla').standingMinMeetingsPerYear).toBe(4); // "cirka 2–3 gånger per halvår"
    expect(by('hoglandet')).toMatchObject({ standingMinMeetingsPerYear: 0, standingBodiesWithMinimum: 0 });
    expect(by('hoglandet').bodiesWithoutFrequency).toBe(by('hoglandet').bodyCount); // Höglandet states no frequency
  });

  it('5. comparisonMatrix: aspects × regions, STATED (including a stated no) vs NOT_STATED, with quotes', async () => {
    type Cell = { regionCode: string; status: string; value: string | null; quotes: Quote[] };
    const data = await gqlOk<{
      landscape: {
        comparisonMatrix: {
          missingRegions: string[];
          columns: string[];
          topBodies: Array<{ regionCode: string; body: { id: string } | null }>;
          rows: Array<{ aspect: string; cells: Cell[] }>;
        };
      };
    }>(`{
      landscape { comparisonMatrix { missingRegions columns topBodies { regionCode body { id } } rows { aspect cells { regionCode status value quotes { document section quote } } } } }
    }`);
    const m = data.landscape.comparisonMatrix;
    expect(m.columns).toEqual(REGIONS.map((r) => r.code));
    expect(m.rows.map((r) => r.aspect)).toEqual(
      expect.arrayContaining([
        'CHAIR_SELECTION',
        'VICE_CHAIR',
        'SUBSTITUTES',
        'CONVENER',
        'MINUTES',
        'TOP_BODY_FREQUENCY',
        'ANNUAL_REPORT',
        'ACTION_PLAN_REVISION',
        'DECISION_RULES',
      ]),
    );
    for (const row of m.rows) {
      expect(row.cells.map((c) => c.regionCode)).toEqual(m.columns);
      for (const c of row.cells) {
        if (c.status === 'STATED') expect(c.value && c.quotes.length > 0).toBeTruthy();
        else expect(c.value).toBeNull();
      }
    }
    const cell = (aspect: string, region: string) => m.rows.find((r) => r.aspect === aspect)!.cells.find((c) => c.regionCode === region)!;
    expect(m.topBodies.find((t) => t.regionCode === 'orebro')!.body!.id).toBe('orebro:chefsgrupp-social-valfard-vard-omsorg');
    expect(m.topBodies.find((t) => t.regionCode === 'samla')!.body!.id).toBe('samla:samordningsgruppen');
    expect(cell('SUBSTITUTES', 'samla')).toMatchObject({ status: 'STATED', value: 'FORBIDDEN' });
    expect(cell('SUBSTITUTES', 'samla').quotes[0]!.quote).toContain('kan representanterna inte utse ersättare');
    expect(cell('SUBSTITUTES', 'orebro').status).toBe('NOT_STATED');
    expect(cell('TOP_BODY_FREQUENCY', 'orebro')).toMatchObject({ status: 'STATED', value: 'minst sex gånger per år' });
    expect(cell('TOP_BODY_FREQUENCY', 'hoglandet').status).toBe('NOT_STATED');
    expect(cell('CONVENER', 'samla').value).toBe('Processledaren för SAMLA');
    expect(cell('ANNUAL_REPORT', 'samla').status).toBe('STATED');
    expect(cell('ACTION_PLAN_REVISION', 'hoglandet')).toMatchObject({ status: 'STATED' });
    expect(cell('ACTION_PLAN_REVISION', 'hoglandet').value).toContain('revideras årligen');
    expect(cell('DECISION_RULES', 'kalmar').status).toBe('STATED');
  });

  it('6. differences: what one region has that the others lack, with the quotes; two regions at least', async () => {
    type Dim = {
      dimension: string;
      common: string[];
      regions: Array<{ regionCode: string; has: string[]; onlyHere: Array<{ value: string; quotes: Quote[] }>; lacks: string[] }>;
    };
    const data = await gqlOk<{ landscape: { differences: { missingRegions: string[]; regions: string[]; dimensions: Dim[] } } }>(`{
      landscape { differences(regions: ["samla", "hoglandet"]) { missingRegions regions dimensions { dimension common regions { regionCode has onlyHere { value quotes { quote } } lacks } } } }
    }`);
    const d = data.landscape.differences;
    expect(d.regions).toEqual(['hoglandet', 'samla']);
    const dim = (name: string, region: string) => d.dimensions.find((x) => x.dimension === name)!.regions.find((r) => r.regionCode === region)!;
    const samlaSubs = dim('SUBSTITUTE_RULES', 'samla');
    expect(samlaSubs.onlyHere.map((v) => v.value)).toEqual(['FORBIDDEN']);
    expect(samlaSubs.onlyHere[0]!.quotes[0]!.quote).toContain('kan representanterna inte utse ersättare');
    expect(samlaSubs.lacks).toEqual(['REQUIRED']);
    expect(dim('SUBSTITUTE_RULES', 'hoglandet').onlyHere.map((v) => v.value)).toEqual(['REQUIRED']);
    expect(dim('ROLE_KINDS', 'samla').onlyHere.map((v) => v.value)).toContain('PROCESS_LEAD');
    expect(dim('ROLE_KINDS', 'hoglandet').lacks).toContain('PROCESS_LEAD');
    expect(dim('REPORT_ARTIFACTS', 'hoglandet').onlyHere.map((v) => v.value)).toContain('HALF_YEAR_REPORT');
    // Höglandet's "vid halv- och helårsskifte" is one half-year stream, no annual report of its own (issue #27:
    // the year-end report was counted twice); SAMLA's dutiless "Delregional samordnare" makes COORDINATOR no common kind.
    expect(d.dimensions.find((x) => x.dimension === 'REPORT_ARTIFACTS')!.common).not.toContain('ANNUAL_REPORT');
    expect(d.dimensions.find((x) => x.dimension === 'ROLE_KINDS')!.common).not.toContain('COORDINATOR');
    // Duty categories: a role's duties and a body's assignments with a category (group duties count too), from the data files.
    for (const code of ['samla', 'hoglandet']) {
      const f = regionFiles(code);
      const stated = new Set([
        ...f.roles.flatMap((r) => r.duties.map((x) => x.category)),
        ...f.bodies.flatMap((b) => (b.assignments ?? []).map((a) => a.category).filter(Boolean)),
      ]);
      expect(new Set(dim('DUTY_CATEGORIES', code).has), code).toEqual(stated);
    }

    const one = await gql('{ landscape { differences(regions: ["samla"]) { regions } } }');
    expect(one.errors?.[0]?.message).toMatch(/two or more/);
    const unknown = await gql('{ landscape { differences(regions: ["samla", "gotland"]) { regions } } }');
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown region/);
  });
});
