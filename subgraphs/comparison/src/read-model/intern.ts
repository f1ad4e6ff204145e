/**
 * One instance per distinct string in what the sync keeps whole (a region's bodies, roles, duties ...
 * for the aggregates at sync: write-copy.ts). Parsed JSON gives every occurrence its own copy, and the
 * same texts recur throughout a region: a quote cited by several fields of a fact, sections, document
 * ids and titles, enum values. Strings are immutable, so sharing them changes no value.
 */
export function stringInterner(): <T>(value: T) => T {
  const seen = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const known = seen.get(v);
      if (known !== undefined) return known;
      seen.set(v, v);
      return v;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = walk(o[k]);
    }
    return v;
  };
  return walk as <T>(value: T) => T;
}
