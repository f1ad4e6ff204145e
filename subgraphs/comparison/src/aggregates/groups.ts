/**
 * What an aggregate precomputes per region: its groups, each one list of the region's answer (its
 * entries in answer order, their total, and the values beside them). The read model stores them
 * (read-model/aggregate-groups.ts) and reads them back for a request.
 *
 * Each aggregate declares the kinds of group it stores (`single` or `keyed`, with the type of the
 * values beside the list and of its entries) and writes and reads its groups only through them, so
 * the compiler checks that the rows a definition writes are the rows it reads: the one cast from the
 * stored JSON is in `read` below, under the name the same kind wrote.
 */

/** The values stored beside a list when a kind has none. */
export type NoData = Record<string, never>;

declare const MADE_BY_A_KIND: unique symbol;

/** A group as written at sync: made only by a kind (its `write`), so its name and rows are the kind's. */
export interface Group {
  readonly grp: string;
  /** Entries in the whole list (default: items.length). */
  readonly total?: number;
  readonly data?: unknown;
  readonly items?: readonly unknown[];
  readonly [MADE_BY_A_KIND]: true;
}

/** One group as read back: its total, the values beside it and its first entries. */
export interface ReadGroup<D, I> {
  total: number;
  data: D;
  items: I[];
}

/** One region's groups of one aggregate, by stored name, before a kind reads them. */
export type StoredGroups = ReadonlyMap<string, ReadGroup<unknown, unknown>>;
/** Groups by region code, then by stored name. */
export type GroupsByRegion = ReadonlyMap<string, StoredGroups>;

/** A list a region has no group for: empty. */
export interface GroupList<I> {
  total: number;
  items: I[];
}
const emptyList = <I>(): GroupList<I> => ({ total: 0, items: [] });

/** The data argument of `write`: none when the kind stores no data beside its list. */
type DataArg<D> = [D] extends [NoData] ? [] : [data: D];

const made = (grp: string, items: readonly unknown[], data: unknown): Group => ({ grp, items, ...(data === undefined ? {} : { data }) }) as unknown as Group;

abstract class Kind<D, I> {
  protected constructor(readonly prefix: string) {}

  protected readName(groups: StoredGroups | undefined, grp: string): ReadGroup<D, I> | undefined {
    // What this kind wrote under this name (names are unique per aggregate: defineAggregate checks the prefixes).
    return groups?.get(grp) as ReadGroup<D, I> | undefined;
  }
}

/** One group of its name per region (`roles`, `top`, the frequency counts ''). */
export class SingleGroup<D, I> extends Kind<D, I> {
  static of<D = NoData, I = never>(name: string): SingleGroup<D, I> {
    return new SingleGroup<D, I>(name);
  }

  write(items: readonly I[], ...data: DataArg<D>): Group {
    return made(this.prefix, items, data[0]);
  }

  read(groups: StoredGroups | undefined): ReadGroup<D, I> | undefined {
    return this.readName(groups, this.prefix);
  }

  /** The group's list, empty when the region has none. */
  list(groups: StoredGroups | undefined): GroupList<I> {
    return this.read(groups) ?? emptyList<I>();
  }
}

/** One group per key a region has (`fn:<function>`, `cell:<aspect>`, a role kind ...): stored as prefix + key. */
export class KeyedGroup<K extends string, D, I> extends Kind<D, I> {
  static of<K extends string, D = NoData, I = never>(prefix: string): KeyedGroup<K, D, I> {
    return new KeyedGroup<K, D, I>(prefix);
  }

  nameOf(key: K): string {
    return this.prefix + key;
  }

  write(key: K, items: readonly I[], ...data: DataArg<D>): Group {
    return made(this.nameOf(key), items, data[0]);
  }

  read(groups: StoredGroups | undefined, key: K): ReadGroup<D, I> | undefined {
    return this.readName(groups, this.nameOf(key));
  }

  list(groups: StoredGroups | undefined, key: K): GroupList<I> {
    return this.read(groups, key) ?? emptyList<I>();
  }

  /** Every group of this kind a region has, with its key. */
  entries(groups: StoredGroups | undefined): Array<[K, ReadGroup<D, I>]> {
    return [...(groups ?? new Map<string, ReadGroup<unknown, unknown>>()).keys()]
      .filter((grp) => grp.startsWith(this.prefix))
      .map((grp) => [grp.slice(this.prefix.length) as K, this.readName(groups, grp)!]);
  }
}

/**
 * An aggregate's definition: its name in the tables, the version of its derivation (bump it when the
 * groups derived from the same facts change: the read model's derivation changes with it, and every
 * region's copy is derived again at start), its kinds of group, and how a region's facts become them.
 */
export interface Aggregate<N extends string, R> {
  readonly name: N;
  readonly version: number;
  readonly groups: (region: R) => Group[];
}

/** Defines an aggregate; its kinds' names must not overlap, so no kind reads another's group. */
export function defineAggregate<N extends string, R>(
  name: N,
  version: number,
  kinds: ReadonlyArray<{ readonly prefix: string }>,
  groups: (region: R) => Group[],
): Aggregate<N, R> {
  const names = kinds.map((k) => ({ prefix: k.prefix, keyed: k instanceof KeyedGroup }));
  for (const a of names) {
    for (const b of names) {
      if (a !== b && (a.prefix === b.prefix || (a.keyed && b.prefix.startsWith(a.prefix)))) {
        throw new Error(`aggregate ${name}: group names "${a.prefix}" and "${b.prefix}" overlap`);
      }
    }
  }
  return { name, version, groups };
}
