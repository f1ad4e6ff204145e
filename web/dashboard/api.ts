/**
 * The dashboard's only data source: the gateway's public GraphQL API at same-origin /graphql.
 * One operation per aggregate (the gateway's cost limit is per operation, see docs/API.md), sent in
 * parallel. Partial answers are normal: a region that is down is listed in missingRegions and the
 * others still answer, so data is used even when errors come with it.
 */
export interface GqlError { message: string; extensions?: Record<string, unknown> }
export interface GqlResult<T> { data: T | null; errors: GqlError[] }

export async function gql<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<GqlResult<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    // application/json also satisfies the gateway's CSRF prevention.
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let json: { data?: T | null; errors?: GqlError[] };
  try {
    json = await res.json();
  } catch {
    throw new Error(`HTTP ${res.status} from /graphql`);
  }
  return { data: json.data ?? null, errors: json.errors ?? [] };
}

export interface Quote { document: string; section: string | null; quote: string }
export interface Region { code: string; name: string | null }

export const META = /* GraphQL */ `
  query DashboardMeta {
    regions { code name documents { file title } }
    landscape { missingRegions staleRegions freshness { regionCode syncedAt stale reason } }
  }
`;
export interface Freshness { regionCode: string; syncedAt: string | null; stale: boolean; reason: string | null }
export interface MetaData {
  regions: Array<Region & { documents: Array<{ file: string; title: string }> | null }>;
  landscape: { missingRegions: string[]; staleRegions: string[]; freshness: Freshness[] };
}

export const FREQUENCY = /* GraphQL */ `
  query DashboardFrequency($filter: BodyFilter) {
    landscape {
      missingRegions
      meetingFrequencyTable(filter: $filter) {
        rank regionCode bodyId bodyName level kind minPerYear maxPerYear approximate
        cadence { text whenNeeded source { document section quote } }
      }
    }
  }
`;
export interface FrequencyRow {
  rank: number; regionCode: string; bodyId: string; bodyName: string; level: string | null; kind: string;
  minPerYear: number | null; maxPerYear: number | null; approximate: boolean;
  cadence: { text: string; whenNeeded: boolean; source: Quote | null };
}
export interface FrequencyData { landscape: { missingRegions: string[]; meetingFrequencyTable: FrequencyRow[] } }

export const CROSSWALK = /* GraphQL */ `
  query DashboardCrosswalk($kinds: [RoleKind!], $regions: [ID!]) {
    landscape {
      rolesCrosswalk(kinds: $kinds, regions: $regions) {
        missingRegions
        rows {
          kind
          regions {
            regionCode
            roles {
              id origin title
              dutiesByCategory { category duties { text quote { document section quote } } }
              offices { bodyName holder quote { document section quote } }
              quote { document section quote }
            }
          }
        }
      }
    }
  }
`;
export interface CrosswalkRole {
  id: string; origin: 'ROLE' | 'BODY_OFFICE'; title: string | null;
  dutiesByCategory: Array<{ category: string; duties: Array<{ text: string; quote: Quote | null }> }>;
  offices: Array<{ bodyName: string | null; holder: string | null; quote: Quote | null }>;
  quote: Quote | null;
}
export interface CrosswalkData {
  landscape: { rolesCrosswalk: { missingRegions: string[]; rows: Array<{ kind: string; regions: Array<{ regionCode: string; roles: CrosswalkRole[] }> }> } };
}

export const FUNCTIONS = /* GraphQL */ `
  query DashboardFunctions($regions: [ID!]) {
    landscape {
      functionalCrosswalk(regions: $regions) {
        missingRegions
        functions {
          function
          regions { regionCode performers { type roleId bodyId title evidence { basis text quote { document section quote } } } }
        }
        regions { regionCode rolesWithoutDuties { id title quote { document section quote } } }
      }
    }
  }
`;
export interface FunctionPerformer { type: string; roleId: string | null; bodyId: string | null; title: string; evidence: Array<{ basis: string; text: string; quote: Quote }> }
export interface FunctionsData {
  landscape: { functionalCrosswalk: {
    missingRegions: string[];
    functions: Array<{ function: string; regions: Array<{ regionCode: string; performers: FunctionPerformer[] }> }>;
    regions: Array<{ regionCode: string; rolesWithoutDuties: Array<{ id: string; title: string; quote: Quote }> }>;
  } };
}

export const CHAINS = /* GraphQL */ `
  query DashboardChains($regions: [ID!]) {
    landscape {
      reportingChains(regions: $regions) {
        missingRegions
        regions {
          regionCode
          nodes { id name kind level depth }
          roleNodes { id title kind }
          edges { from fromType to toType origin relation frequency { text } quote { document section quote } }
          paths { bodyIds topLevel reachesPolitical }
        }
      }
    }
  }
`;
export interface ChainNode { id: string; name: string; kind: string; level: string | null; depth: number }
export interface ChainRoleNode { id: string; title: string; kind: string }
export type ChainNodeType = 'BODY' | 'ROLE';
export interface ChainEdge { from: string; fromType: ChainNodeType; to: string; toType: ChainNodeType; origin: 'PARENT_LINK' | 'REPORTING_DUTY'; relation: string; frequency: { text: string } | null; quote: Quote | null }
export interface RegionChain { regionCode: string; nodes: ChainNode[]; roleNodes: ChainRoleNode[]; edges: ChainEdge[]; paths: Array<{ bodyIds: string[]; topLevel: string | null; reachesPolitical: boolean }> }
export interface ChainsData { landscape: { reportingChains: { missingRegions: string[]; regions: RegionChain[] } } }

export const MATRIX = /* GraphQL */ `
  query DashboardMatrix($regions: [ID!]) {
    landscape {
      comparisonMatrix(regions: $regions) {
        missingRegions
        columns
        topBodies { regionCode body { id name } }
        rows { aspect label cells { regionCode status value details note quotes { document section quote } } }
      }
    }
  }
`;
export interface MatrixCell { regionCode: string; status: 'STATED' | 'NOT_STATED'; value: string | null; details: string[]; note: string | null; quotes: Quote[] }
export interface MatrixData {
  landscape: {
    comparisonMatrix: {
      missingRegions: string[]; columns: string[];
      topBodies: Array<{ regionCode: string; body: { id: string; name: string } | null }>;
      rows: Array<{ aspect: string; label: string; cells: MatrixCell[] }>;
    };
  };
}

export const REPORTING = /* GraphQL */ `
  query DashboardReporting($filter: ReportingDutyFilter, $regions: [ID!]) {
    landscape {
      reportingDuties(filter: $filter) {
        missingRegions
        duties {
          id regionCode artifact description
          from { text bodyName roleTitle }
          to { text bodyName roleTitle }
          frequency { text minPerYear maxPerYear approximate whenNeeded }
          quote { document section quote }
        }
      }
      frequencySummary(regions: $regions) {
        missingRegions
        regions { regionCode bodiesWithoutFrequencyList { id name } }
      }
    }
  }
`;
export interface ReportingParty { text: string; bodyName: string | null; roleTitle: string | null }
export interface ReportingDuty {
  id: string; regionCode: string; artifact: string; description: string; from: ReportingParty; to: ReportingParty;
  frequency: { text: string; minPerYear: number | null; maxPerYear: number | null; approximate: boolean; whenNeeded: boolean } | null;
  quote: Quote;
}
export interface ReportingData {
  landscape: {
    reportingDuties: { missingRegions: string[]; duties: ReportingDuty[] };
    frequencySummary: { missingRegions: string[]; regions: Array<{ regionCode: string; bodiesWithoutFrequencyList: Array<{ id: string; name: string | null }> }> };
  };
}
