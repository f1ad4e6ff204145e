/**
 * What an aggregate precomputes per region: its groups, each one list of the region's answer (its
 * entries in answer order, their total, and the values beside them). The read model stores them
 * (read-model/aggregate-groups.ts) and reads them back for a request.
 */
/** One list of one region's answer: its entries in answer order, its total, and the values beside it. */
export interface Group<D = unknown, I = unknown> {
  grp: string;
  /** Entries in the whole list (default: items.length). */
  total?: number;
  data?: D;
  items?: I[];
}

export interface ReadGroup<D = any, I = any> { total: number; data: D; items: I[] }
/** Groups by region code, then by group name. */
export type GroupsByRegion = Map<string, Map<string, ReadGroup>>;

/** A group that is not there is an empty list. */
export const EMPTY_GROUP: ReadGroup = { total: 0, data: {}, items: [] };
