/**
 * The dashboard's only data source: the gateway's public GraphQL API at same-origin /graphql.
 * One operation per aggregate (the gateway's cost limit is per operation, see docs/API.md), sent in
 * parallel. Partial answers are normal: a region that is down is listed in missingRegions and the
 * others still answer, so data is used even when errors come with it.
 *
 * The operations are typed by GraphQL Code Generator from the supergraph (`npm run generate` writes
 * ./generated/): every response type below is derived from the generated ones, never written by hand.
 * Each operation is also a persisted (trusted) document: it is sent by its hash (send.ts).
 */
import { graphql } from './generated';
import type {
  DashboardChainsQuery,
  DashboardCrosswalkQuery,
  DashboardFrequencyQuery,
  DashboardFunctionsQuery,
  DashboardChangesQuery,
  DashboardMatrixQuery,
  DashboardMetaQuery,
  DashboardPerformersQuery,
  DashboardReportingQuery,
  DashboardSearchQuery,
  DashboardTimelineQuery,
} from './generated/graphql';

export { gql, type GqlError, type GqlResult } from './send';

export const META = graphql(`
  query DashboardMeta {
    regions { code name }
    landscape {
      missingRegions staleRegions
      freshness {
        regionCode syncedAt stale reason
        documents { id file title date reviewBy version validity { text from to source { document documentTitle section quote } } }
      }
    }
  }
`);

export const FREQUENCY = graphql(`
  query DashboardFrequency($filter: BodyFilter) {
    landscape {
      missingRegions
      meetingFrequencyTable(filter: $filter) {
        rank regionCode bodyId bodyName level kind minPerYear maxPerYear approximate
        cadence { text whenNeeded source { document documentTitle section quote } }
      }
    }
  }
`);

/**
 * The crosswalk and the functions ask for the first LIST_FIRST entries of each list (roles of a kind in a
 * region, performers of a function in a region, roles of a region), with the counts beside them; a
 * "show all" asks one list again with a larger `first` (at most API_MAX_FIRST, the API's maximum).
 * The default of `$first` is the bound the page loads with (the bench's mix sends the operations as the
 * page does); keep it equal to LIST_FIRST.
 */
export const LIST_FIRST = 10;
export const API_MAX_FIRST = 500;

export const CROSSWALK = graphql(`
  query DashboardCrosswalk($kinds: [RoleKind!], $regions: [ID!], $first: Int = 10) {
    landscape {
      rolesCrosswalk(kinds: $kinds, regions: $regions, first: $first) {
        missingRegions
        rows {
          kind
          regions {
            regionCode
            roleCount
            roles {
              id origin title
              dutiesByCategory { category duties { text quote { document documentTitle section quote } } }
              offices { bodyName holder quote { document documentTitle section quote } }
              quote { document documentTitle section quote }
            }
          }
        }
      }
    }
  }
`);

export const FUNCTIONS = graphql(`
  query DashboardFunctions($regions: [ID!], $first: Int = 10) {
    landscape {
      functionalCrosswalk(regions: $regions, first: $first) {
        missingRegions
        functions {
          function
          regions { regionCode performerCount performers { type roleId bodyId title evidence { basis text quote { document documentTitle section quote } } } }
        }
        regions {
          regionCode
          roleCount
          roles { roleId title functions closest { regionCode roleId title shared score } closestCounts { regionCode count } }
          rolesWithoutDutiesCount
          rolesWithoutDuties { id title quote { document documentTitle section quote } }
        }
      }
    }
  }
`);

/** All the performers of the given functions in the given regions: a "show all" of one cell, or a role's quotes beyond the first ones. */
export const PERFORMERS = graphql(`
  query DashboardPerformers($regions: [ID!], $functions: [CollaborationFunction!], $first: Int) {
    landscape {
      functionalCrosswalk(regions: $regions, functions: $functions, first: $first, closestFirst: 0) {
        functions {
          function
          regions { regionCode performerCount performers { type roleId bodyId title evidence { basis text quote { document documentTitle section quote } } } }
        }
      }
    }
  }
`);

export const CHAINS = graphql(`
  query DashboardChains($regions: [ID!]) {
    landscape {
      reportingChains(regions: $regions) {
        missingRegions
        regions {
          regionCode
          nodes { id name kind level depth }
          roleNodes { id title kind }
          edges { from fromType to toType origin relation frequency { text } quote { document documentTitle section quote } }
          paths { bodyIds topLevel reachesPolitical }
        }
      }
    }
  }
`);

export const MATRIX = graphql(`
  query DashboardMatrix($regions: [ID!]) {
    landscape {
      comparisonMatrix(regions: $regions) {
        missingRegions
        columns
        topBodies { regionCode body { id name } }
        rows { aspect label cells { regionCode status value details note quotes { document documentTitle section quote } facts { text quote { document documentTitle section quote } } } }
      }
    }
  }
`);

export const REPORTING = graphql(`
  query DashboardReporting($filter: ReportingDutyFilter, $regions: [ID!]) {
    landscape {
      reportingDuties(filter: $filter) {
        missingRegions
        duties {
          id regionCode artifact description
          from { text bodyName roleTitle }
          to { text bodyName roleTitle }
          frequency { text minPerYear maxPerYear approximate whenNeeded }
          quote { document documentTitle section quote }
        }
      }
      frequencySummary(regions: $regions) {
        missingRegions
        regions { regionCode bodiesWithoutFrequencyList { id name } }
      }
    }
  }
`);

export const SEARCH = graphql(`
  query DashboardSearch($text: String!, $filter: SearchFilter, $first: Int) {
    landscape {
      search(text: $text, filter: $filter, first: $first) {
        totalCount
        missingRegions
        nodes { regionCode kind id name snippet highlights { start end } source { documentId document documentTitle section quote } }
        pageInfo { hasNextPage }
      }
    }
  }
`);

export type MetaData = DashboardMetaQuery;
export type Freshness = MetaData['landscape']['freshness'][number];
export type FrequencyData = DashboardFrequencyQuery;
export type FrequencyRow = FrequencyData['landscape']['meetingFrequencyTable'][number];
/** A citation: the document's title and file name, its section and the verbatim quote. */
export type Quote = NonNullable<FrequencyRow['cadence']['source']>;
export type CrosswalkData = DashboardCrosswalkQuery;
export type CrosswalkRole = CrosswalkData['landscape']['rolesCrosswalk']['rows'][number]['regions'][number]['roles'][number];
export type FunctionsData = DashboardFunctionsQuery;
export type FunctionRegion = FunctionsData['landscape']['functionalCrosswalk']['functions'][number]['regions'][number];
export type PerformersData = DashboardPerformersQuery;
export type ChainsData = DashboardChainsQuery;
export type RegionChain = ChainsData['landscape']['reportingChains']['regions'][number];
export type ChainEdge = RegionChain['edges'][number];
export type ChainNodeType = ChainEdge['fromType'];
export type MatrixData = DashboardMatrixQuery;
export type ReportingData = DashboardReportingQuery;
export type ReportingDuty = ReportingData['landscape']['reportingDuties']['duties'][number];
export type ReportingParty = ReportingDuty['from'];
export type SearchData = DashboardSearchQuery;
export type SearchHit = SearchData['landscape']['search']['nodes'][number];

export const CHANGES = graphql(`
  query DashboardChanges($regions: [ID!], $first: Int) {
    landscape {
      changes(regions: $regions, first: $first) {
        totalCount missingRegions staleRegions
        pageInfo { hasNextPage }
        nodes { id regionCode at change dataVersionBefore dataVersionAfter factKind factId factName fields { path before after } quoteBefore quoteAfter }
        documents { changeId documents { id title date version } }
      }
    }
  }
`);
export type DataChange = DashboardChangesQuery['landscape']['changes']['nodes'][number];

export const TIMELINE = graphql(`
  query DashboardTimeline($regions: [ID!]) {
    landscape {
      timeline(regions: $regions) {
        totalCount missingRegions staleRegions
        events {
          id regionCode kind label subject
          from { date precision text }
          to { date precision text }
          source { document documentTitle section quote }
        }
      }
    }
  }
`);
export type TimelineEvent = DashboardTimelineQuery['landscape']['timeline']['events'][number];
export type RegionDocument = Freshness['documents'][number];
export type ChangeDocuments = DashboardChangesQuery['landscape']['changes']['documents'][number];
