/**
 * Every field on Landscape as a test asks it through a gateway: its query, the region codes its answer
 * covers, and the fields that say which regions are missing or stale (Landscape's own for its own
 * fields). Used by region-errors.test.ts to compare each answer before, during and after a region's
 * database fails.
 */
import { expect } from 'vitest';
import { REGIONS } from '../../contract/src/registry';
import { gql, gqlOk } from './client';

const MISSING = 'missingRegions missing { code reason failedFields message }';
type Missing = { code: string; reason: string; failedFields: string[]; message: string };
type Agg = { missingRegions: string[]; missing: Missing[] } & Record<string, unknown>;
type Freshness = {
  regionCode: string;
  dataVersion: string | null;
  syncedAt: string | null;
  checkedAt: string | null;
  stale: boolean;
  reason: string | null;
  missingFields: string[];
};
const FRESHNESS = 'freshness { regionCode dataVersion syncedAt checkedAt stale reason missingFields }';

/** Fields of Landscape itself (not an aggregate with rows): no region codes in them. */
export const LANDSCAPE_LEVEL = ['missingRegions', 'missing', 'staleRegions', 'freshness'];

/**
 * Every field on Landscape: its query, and the region codes its answer covers. region-errors.test.ts
 * checks first that this covers every field of Landscape, so a new aggregate must be added here.
 */
export const AGGREGATES: Record<string, { query: string; codes: (value: Agg) => string[] }> = {
  missingRegions: { query: `{ landscape { ${MISSING} } }`, codes: () => [] },
  missing: { query: `{ landscape { ${MISSING} } }`, codes: () => [] },
  staleRegions: { query: `{ landscape { ${MISSING} } }`, codes: () => [] },
  freshness: { query: `{ landscape { ${MISSING} ${FRESHNESS} } }`, codes: () => [] },
  meetingFrequencyTable: {
    query: `{ landscape { ${MISSING} meetingFrequencyTable { regionCode bodyId } } }`,
    codes: (v) => (v as unknown as Array<{ regionCode: string }>).map((r) => r.regionCode),
  },
  bodies: {
    query: `{ landscape { bodies(first: 200) { ${MISSING} totalCount nodes { regionCode id } } } }`,
    codes: (v) => (v.nodes as Array<{ regionCode: string }>).map((n) => n.regionCode),
  },
  frequencySummary: {
    query: `{ landscape { frequencySummary { ${MISSING} regions { regionCode bodyCount } } } }`,
    codes: (v) => (v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode),
  },
  rolesCrosswalk: {
    query: `{ landscape { rolesCrosswalk { ${MISSING} rows { regions { regionCode roles { id } } } } } }`,
    codes: (v) =>
      (v.rows as Array<{ regions: Array<{ regionCode: string; roles: unknown[] }> }>).flatMap((r) =>
        r.regions.filter((x) => x.roles.length).map((x) => x.regionCode),
      ),
  },
  functionalCrosswalk: {
    query: `{ landscape { functionalCrosswalk { ${MISSING} regions { regionCode } functions { regions { regionCode } } } } }`,
    codes: (v) => [
      ...(v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode),
      ...(v.functions as Array<{ regions: Array<{ regionCode: string }> }>).flatMap((f) => f.regions.map((r) => r.regionCode)),
    ],
  },
  reportingDuties: {
    query: `{ landscape { reportingDuties { ${MISSING} duties { regionCode id } } } }`,
    codes: (v) => (v.duties as Array<{ regionCode: string }>).map((d) => d.regionCode),
  },
  reportingChains: {
    query: `{ landscape { reportingChains { ${MISSING} regions { regionCode } } } }`,
    codes: (v) => (v.regions as Array<{ regionCode: string }>).map((r) => r.regionCode),
  },
  comparisonMatrix: { query: `{ landscape { comparisonMatrix { ${MISSING} columns } } }`, codes: (v) => v.columns as string[] },
  changes: {
    query: `{ landscape { changes(first: 200) { ${MISSING} totalCount nodes { regionCode } } } }`,
    codes: (v) => (v.nodes as Array<{ regionCode: string }>).map((n) => n.regionCode),
  },
  // A word every region's documents use, rarely enough that all hits fit one page.
  search: {
    query: `{ landscape { search(text: "information", first: 100) { ${MISSING} totalCount nodes { regionCode kind id } } } }`,
    codes: (v) => (v.nodes as Array<{ regionCode: string }>).map((n) => n.regionCode),
  },
  timeline: {
    query: `{ landscape { timeline { ${MISSING} events { regionCode id } } } }`,
    codes: (v) => (v.events as Array<{ regionCode: string }>).map((e) => e.regionCode),
  },
  differences: {
    query: `{ landscape { differences(regions: ${JSON.stringify(REGIONS.map((r) => r.code))}) { ${MISSING} regions dimensions { regions { regionCode } } } } }`,
    codes: (v) => [
      ...(v.regions as string[]),
      ...(v.dimensions as Array<{ regions: Array<{ regionCode: string }> }>).flatMap((d) => d.regions.map((r) => r.regionCode)),
    ],
  },
};
/** The aggregates with rows (each names the regions it covers). */
export const ROW_AGGREGATES = Object.keys(AGGREGATES).filter((f) => !LANDSCAPE_LEVEL.includes(f));

/** The field's value, the missing-region fields that describe it (Landscape's own for its own fields), and Landscape.staleRegions. */
export async function ask(gateway: string, field: string) {
  const query = AGGREGATES[field]!.query.replace(/^\{ landscape \{ /, '{ landscape { staleRegions ');
  const r = await gql<{ landscape: Record<string, unknown> }>(query, undefined, gateway);
  expect(r.status).toBe(200);
  const landscape = r.data!.landscape;
  const value = (field in landscape && !LANDSCAPE_LEVEL.includes(field) ? landscape[field] : landscape) as Agg;
  const own = Array.isArray(value) || LANDSCAPE_LEVEL.includes(field) ? (landscape as unknown as Agg) : value;
  return {
    errors: r.errors ?? [],
    value,
    staleRegions: landscape.staleRegions as string[],
    missingRegions: own.missingRegions,
    missing: own.missing,
    codes: new Set(AGGREGATES[field]!.codes(value)),
  };
}

/** Landscape.staleRegions and each region's freshness, from `gateway`. */
export const freshnessOf = async (gateway: string) =>
  (await gqlOk<{ landscape: { staleRegions: string[]; freshness: Freshness[] } }>(`{ landscape { staleRegions ${FRESHNESS} } }`, undefined, gateway)).landscape;
