/**
 * The region registry: the one list of region subgraphs. Everything that must know every region
 * (the comparison subgraph's stub types, the supergraph composition, `npm start`, docker-compose and
 * the tests) reads it from here. A new region is one line here plus its subgraph folder.
 */
export interface RegionEntry {
  /** Stable code, also the subgraph's name, its folder under subgraphs/ and its PostgreSQL schema. */
  code: string;
  /** Display name of the collaboration structure. */
  name: string;
  /** The GraphQL type the region subgraph owns, `<Name>Region implements Region`. */
  typename: string;
  /** Default port of the region subgraph. */
  port: number;
}

export interface ServiceEntry {
  code: string;
  port: number;
  /** Folder of the workspace, relative to the repository root. */
  dir: string;
}

export const REGIONS: readonly RegionEntry[] = [
  { code: 'orebro', name: 'Örebro län', typename: 'OrebroRegion', port: 4001 },
  { code: 'kalmar', name: 'Kalmar län', typename: 'KalmarRegion', port: 4002 },
  { code: 'hoglandet', name: 'Höglandet', typename: 'HoglandetRegion', port: 4003 },
  { code: 'samla', name: 'SAMLA (Lerum–Alingsås)', typename: 'SamlaRegion', port: 4004 },
];

export const COMPARISON: ServiceEntry = { code: 'comparison', port: 4005, dir: 'subgraphs/comparison' };
export const GATEWAY: ServiceEntry = { code: 'gateway', port: 4000, dir: 'gateway' };

/**
 * V8 heap settings for the gateway: small young generation and a capped old space keep its memory
 * under 250 MB under load, and measured faster too (fewer, cheaper collections; `npm run bench`).
 */
export const GATEWAY_NODE_OPTIONS = '--max-old-space-size=192 --max-semi-space-size=2';

/**
 * V8 heap cap for a region, a complement to its bounded load: the start reads and writes its data one
 * file at a time (a live heap of about 40 MB at 50,000 bodies), but on a large machine V8 lets the
 * load's garbage grow before it collects. Measured at 50,000 bodies (`node scripts/dist/seed-memory.js`):
 * peak RSS about 320 MB without the cap, about 190 MB with it. Kubernetes gives a region 384Mi.
 */
export const REGION_NODE_OPTIONS = '--max-old-space-size=256';

/**
 * V8 heap cap for the comparison. Its sync holds no region's lists whole (the aggregates are folds over
 * the copy just written), so its live heap stays small whatever a region's size; the cap keeps V8 from
 * letting garbage grow on a large machine. Measured at 50,000 bodies (`node scripts/dist/sync-memory.js
 * 50000 1`): peak RSS 372 MB without the cap, 273 MB with it, the sync no slower. Kubernetes gives it 384Mi.
 */
export const COMPARISON_NODE_OPTIONS = '--max-old-space-size=256';

/** The heap settings a service runs with, added to the given NODE_OPTIONS: the gateway's, a region's, the comparison's, or none. */
export function serviceNodeOptions(dir: string): string | undefined {
  if (dir === GATEWAY.dir) return GATEWAY_NODE_OPTIONS;
  if (dir === COMPARISON.dir) return COMPARISON_NODE_OPTIONS;
  return REGIONS.some((r) => dir === `subgraphs/${r.code}`) ? REGION_NODE_OPTIONS : undefined;
}

/**
 * The NODE_OPTIONS a service is started with: the given ones, then its heap settings
 * (serviceNodeOptions), except a heap setting the given ones already make (an explicit
 * `--max-old-space-size` wins over the default: a measurement of another cap, an operator's choice).
 */
export function nodeOptionsOf(dir: string, given: string | undefined): string | undefined {
  const own = (serviceNodeOptions(dir) ?? '').split(' ').filter((flag) => flag && !given?.includes(flag.split('=')[0]!));
  return [given, ...own].filter(Boolean).join(' ') || undefined;
}

/** Every subgraph, regions first, then comparison: the order of composition and start-up. */
export const SUBGRAPHS: readonly ServiceEntry[] = [...REGIONS.map((r) => ({ code: r.code, port: r.port, dir: `subgraphs/${r.code}` })), COMPARISON];

export function regionByCode(code: string): RegionEntry | undefined {
  return REGIONS.find((r) => r.code === code);
}

/** The error for region codes the registry does not hold: a typo should not read as "region has nothing". */
export function unknownRegionCodesMessage(unknown: readonly string[]): string {
  return `Unknown region code(s): ${unknown.join(', ')}. Known: ${REGIONS.map((r) => r.code).join(', ')}.`;
}

/** The id of the one Landscape object (the comparison's entity key). */
export const LANDSCAPE_ID = 'landscape';

/** Environment variable names for a service's port and URL, e.g. OREBRO_PORT / OREBRO_URL. */
export const portVar = (code: string) => `${code.toUpperCase()}_PORT`;
export const urlVar = (code: string) => `${code.toUpperCase()}_URL`;
