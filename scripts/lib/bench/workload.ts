/**
 * The benchmark's workload: the operations an analyst and the dashboard really send, each with the
 * variables it is sent with (filters, pages, regions, sorts). The text of every operation comes from
 * where it lives (docs/queries/*.graphql, web/dashboard/api.ts), so the mix follows them. Drawn in a
 * fixed order: autocannon cycles the list on every connection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** `export const NAME = /* GraphQL *\/ `...`` of the dashboard's api.ts, by NAME. */
export function dashboardOperations(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'web', 'dashboard', 'api.ts'), 'utf8');
  const out: Record<string, string> = {};
  // The operations as the dashboard declares them for GraphQL Code Generator: export const X = graphql(`...`).
  for (const m of text.matchAll(/export const (\w+) = graphql\(`([^`]*)`\)/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

export function docOperations(): Operation[] {
  const dir = join(ROOT, 'docs', 'queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: `docs/${f.replace(/\.graphql$/, '')}`, query: readFileSync(join(dir, f), 'utf8') }));
}

/** A bodies page as an analyst pages through question 1 (the docs' selection, with variables). */
export const BODIES_PAGE = `query BodiesPage($filter: ComparisonBodyFilter, $sort: BodySort, $first: Int, $after: String) {
  landscape {
    bodies(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount missingRegions
      pageInfo { hasNextPage endCursor }
      nodes { id regionCode name kind level frequency { text minPerYear maxPerYear approximate } roleKinds reportArtifacts }
    }
  }
}`;

/** A search page as the dashboard's search box sends it (landscape.search, with variables). */
export const SEARCH_PAGE = `query SearchPage($text: String!, $filter: SearchFilter, $first: Int, $after: String) {
  landscape {
    search(text: $text, filter: $filter, first: $first, after: $after) {
      totalCount missingRegions
      pageInfo { hasNextPage endCursor }
      nodes { regionCode kind id name level snippet highlights { start end } quote rank source { documentId documentTitle section } }
    }
  }
}`;

export const ONE_REGION = `query OneRegion { samla { code name bodies(first: 100) { id name level cadence { text minPerYear maxPerYear approximate } } } }`;

/**
 * The mix. `afterOf` names an operation whose answer's endCursor becomes this one's `after`
 * (page 2 follows page 1), filled in by resolveCursors against a live gateway.
 */
export function workload(): Array<Operation & { afterOf?: string }> {
  const d = dashboardOperations();
  const need = (k: string) => {
    if (!d[k]) throw new Error(`web/dashboard/api.ts has no ${k} operation`);
    return d[k]!;
  };
  const page = (name: string, variables: Record<string, unknown>, afterOf?: string) => ({ name, query: BODIES_PAGE, variables, afterOf });
  const search = (name: string, variables: Record<string, unknown>, afterOf?: string) => ({ name, query: SEARCH_PAGE, variables, afterOf });
  return [
    ...docOperations(),
    { name: 'dashboard/meta', query: need('META') },
    { name: 'dashboard/frequency', query: need('FREQUENCY'), variables: { filter: null } },
    { name: 'dashboard/frequency strategic', query: need('FREQUENCY'), variables: { filter: { levels: ['STRATEGIC'] } } },
    { name: 'dashboard/frequency samla ≥4', query: need('FREQUENCY'), variables: { filter: { regions: ['samla'], meetsAtLeast: 4 } } },
    {
      name: 'dashboard/frequency permanent, stated',
      query: need('FREQUENCY'),
      variables: { filter: { permanence: ['PERMANENT'], hasFrequency: true, meetsAtMost: 6 } },
    },
    { name: 'dashboard/crosswalk chair', query: need('CROSSWALK'), variables: { kinds: ['CHAIR'], regions: null } },
    { name: 'dashboard/crosswalk orebro+kalmar', query: need('CROSSWALK'), variables: { kinds: null, regions: ['orebro', 'kalmar'] } },
    { name: 'dashboard/functions hoglandet', query: need('FUNCTIONS'), variables: { regions: ['hoglandet'] } },
    { name: 'dashboard/chains samla', query: need('CHAINS'), variables: { regions: ['samla'] } },
    { name: 'dashboard/matrix', query: need('MATRIX'), variables: { regions: null } },
    { name: 'dashboard/reporting annual', query: need('REPORTING'), variables: { filter: { artifacts: ['ANNUAL_REPORT'] }, regions: null } },
    page('bodies by name p1', { sort: { field: 'NAME', direction: 'ASC' }, first: 20 }),
    page('bodies by name p2', { sort: { field: 'NAME', direction: 'ASC' }, first: 20 }, 'bodies by name p1'),
    page('bodies kalmar operational, region desc', {
      filter: { regions: ['kalmar'], levels: ['OPERATIONAL'] },
      sort: { field: 'REGION', direction: 'DESC' },
      first: 50,
    }),
    page('bodies coordinator+annual, meetings asc', {
      filter: { roleKinds: ['COORDINATOR'], reportArtifacts: ['ANNUAL_REPORT'] },
      sort: { field: 'MEETINGS_PER_YEAR', direction: 'ASC' },
      first: 50,
    }),
    page('bodies minutes+substitutes', { filter: { keepsMinutes: true, substituteRules: ['REQUIRED'] }, first: 10 }),
    page('bodies meetings desc p1', { filter: { hasFrequency: true }, sort: { field: 'MEETINGS_PER_YEAR', direction: 'DESC' }, first: 25 }),
    page(
      'bodies meetings desc p2',
      { filter: { hasFrequency: true }, sort: { field: 'MEETINGS_PER_YEAR', direction: 'DESC' }, first: 25 },
      'bodies meetings desc p1',
    ),
    { name: 'one region (samla), first 100 bodies', query: ONE_REGION },
    search('search psykisk hälsa', { text: 'psykisk hälsa', first: 20 }),
    search('search samverk* p1', { text: 'samverk*', first: 20 }),
    search('search samverk* p2', { text: 'samverk*', first: 20 }, 'search samverk* p1'),
    search('search "psykisk hälsa" passages', { text: '"psykisk hälsa"', filter: { kinds: ['DOCUMENT_PASSAGE'] }, first: 20 }),
    search('search prevention kalmar', { text: 'prevention', filter: { regions: ['kalmar'] }, first: 20 }),
    search('search grupp 12 strategic', { text: 'grupp 12', filter: { levels: ['STRATEGIC'] }, first: 20 }),
  ];
}

/** Fills in `after` of the pages that follow another, from that page's live answer. */
export async function resolveCursors(ops: Array<Operation & { afterOf?: string }>, post: (op: Operation) => Promise<any>): Promise<Operation[]> {
  const out: Operation[] = [];
  for (const op of ops) {
    if (!op.afterOf) {
      out.push(op);
      continue;
    }
    const first = ops.find((o) => o.name === op.afterOf)!;
    const answer = await post(first);
    const landscape = answer?.data?.landscape;
    const after = (landscape?.bodies ?? landscape?.search)?.pageInfo?.endCursor ?? null;
    out.push({ name: op.name, query: op.query, variables: { ...op.variables, after } });
  }
  return out;
}

export const requestBody = (op: Operation) => JSON.stringify({ query: op.query, ...(op.variables ? { variables: op.variables } : {}) });
