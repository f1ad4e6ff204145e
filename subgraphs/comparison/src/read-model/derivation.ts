/**
 * Which code derived a copy. Beside the facts a region served, a copy holds what this subgraph's code
 * derived from them: the aggregates' groups (aggregate-sync.ts), the bodies' derived columns (store.ts:
 * bodyRow) and the search index (search-index.ts). Each declares a version; READ_MODEL_DERIVATION is a
 * hash of them all, stored with each region's copy (region_sync.derivation). A copy whose derivation is
 * not this code's is served as stale, with the reason, and derived again from the region at the next
 * sync (at start), without a migration that wipes tables.
 */
import { createHash } from 'node:crypto';
import { AGGREGATE_VERSIONS } from './aggregate-sync';
import { SEARCH_INDEX_VERSION } from './search-index';

/** The version of the bodies' derived columns (store.ts: bodyRow, bodyDerivation): bump when they change. */
export const BODY_COLUMNS_VERSION = 2;

/** Every declared version, by part: what READ_MODEL_DERIVATION is a hash of. */
export const DERIVATION_VERSIONS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(AGGREGATE_VERSIONS).map(([name, v]) => [`aggregate.${name}`, v])),
  bodyColumns: BODY_COLUMNS_VERSION,
  searchIndex: SEARCH_INDEX_VERSION,
};

export function derivationOf(versions: Readonly<Record<string, number>>): string {
  const text = Object.keys(versions)
    .sort()
    .map((k) => `${k}=${versions[k]}`)
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The derivation of this code. */
export const READ_MODEL_DERIVATION = derivationOf(DERIVATION_VERSIONS);

/** Why a held copy is stale because another code derived it; null when this code did. */
export function derivationReason(held: string): string | null {
  if (held === READ_MODEL_DERIVATION) return null;
  return `derived by other code of the comparison (derivation ${held || 'unrecorded'}, this code's is ${READ_MODEL_DERIVATION}): derived again from the region at its next sync`;
}
