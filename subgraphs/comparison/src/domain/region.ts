/**
 * What the comparison's derivations share about a region's facts, whatever the aggregate. No GraphQL, no SQL.
 */

/** Enum order of a canonical value, for sorting by the vocabulary's own order. */
export function enumRank(values: readonly string[], value: string | null): number {
  const i = value === null ? -1 : values.indexOf(value);
  return i === -1 ? values.length : i;
}
