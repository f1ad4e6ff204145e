/**
 * The filters in the page's URL, so a view can be bookmarked and Back restores the previous one:
 * ?region=orebro,kalmar&level=POLITICAL&kind=…&role=… . A missing parameter means the default (all
 * regions, all levels and kinds, the coordinating roles); an empty one means none chosen.
 */
import type { BodyKind, Level, RoleKind } from './generated/graphql';
import { BODY_KINDS, LEVELS, ROLE_KINDS } from './i18n';

export interface Filters {
  regions: string[];
  levels: Level[];
  bodyKinds: BodyKind[];
  roleKinds: RoleKind[];
}

/** The crosswalk starts with the coordinating roles (as docs/queries/03-roles-crosswalk.graphql); the filter adds the rest. */
const DEFAULT_ROLE_KINDS: RoleKind[] = ['COORDINATOR', 'DEVELOPMENT_LEAD', 'PROCESS_LEAD', 'CHAIR', 'VICE_CHAIR', 'CONVENER', 'SECRETARY'];

export const defaultFilters = (regions: string[]): Filters => ({
  regions: [...regions],
  levels: [...LEVELS],
  bodyKinds: [...BODY_KINDS],
  roleKinds: [...DEFAULT_ROLE_KINDS],
});

const PARAMS: Array<[keyof Filters, string]> = [
  ['regions', 'region'],
  ['levels', 'level'],
  ['bodyKinds', 'kind'],
  ['roleKinds', 'role'],
];
const known = (allRegions: string[]): Filters => ({ regions: allRegions, levels: [...LEVELS], bodyKinds: [...BODY_KINDS], roleKinds: [...ROLE_KINDS] });

export function readFilters(search: string, allRegions: string[]): Filters {
  const params = new URLSearchParams(search);
  const f = defaultFilters(allRegions);
  const ok = known(allRegions);
  for (const [key, param] of PARAMS) {
    const v = params.get(param);
    if (v === null) continue;
    const chosen = new Set(v.split(',').filter(Boolean));
    (f[key] as string[]) = (ok[key] as string[]).filter((x) => chosen.has(x)); // known values only, in canonical order
  }
  return f;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The query string for these filters (default values left out), with any other parameters kept. */
export function writeFilters(f: Filters, allRegions: string[], search: string): string {
  const params = new URLSearchParams(search);
  const d = defaultFilters(allRegions);
  for (const [key, param] of PARAMS) {
    if (sameSet(f[key], d[key])) params.delete(param);
    else params.set(param, f[key].join(','));
  }
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
