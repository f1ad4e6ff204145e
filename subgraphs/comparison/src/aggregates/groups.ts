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

import type { Body, DecisionRule, Plan, ReportingDuty, Role } from '@samverkan/contract';

/** The values stored beside a list when a kind has none. */
export type NoData = Record<string, never>;

/** The most entries of one list a request can ask for (`first`), and so the most a group stores. */
export const MAX_FIRST = 500;

/**
 * A list as a group stores it, built entry by entry: every entry counted, only the first MAX_FIRST
 * made and kept. `add` makes an entry only when it is kept, so a derivation over 50,000 bodies holds
 * and builds 500 views of a list, not 50,000.
 */
export class FirstEntries<I> {
  total = 0;
  readonly items: I[] = [];

  add(make: () => I): void {
    if (this.items.length < MAX_FIRST) this.items.push(make());
    this.total++;
  }

  /** The same list with each kept entry made into another. */
  map<J>(make: (item: I) => J): FirstEntries<J> {
    const out = new FirstEntries<J>();
    out.total = this.total;
    out.items.push(...this.items.map(make));
    return out;
  }

  /** Whether the next entry added is kept. */
  get keeps(): boolean {
    return this.items.length < MAX_FIRST;
  }
}

/** The lists of a region's copy a derivation reads, by their name on Region, with the type of an entry. */
export interface CopyLists {
  bodies: Body;
  roles: Role;
  reportingDuties: ReportingDuty;
  plans: Plan;
  decisionRules: DecisionRule;
}

/** One read of a list of the region's copy: `each` is given every entry, in document order. */
export type Scan = { [L in keyof CopyLists]: { readonly list: L; readonly each: (item: CopyLists[L]) => void } }[keyof CopyLists];

export const scan = <L extends keyof CopyLists>(list: L, each: (item: CopyLists[L]) => void): Scan => ({ list, each }) as Scan;

/**
 * One region's derivation of an aggregate, as a fold: its scans are run in order (each one read of a
 * list, entry by entry), then `groups` gives what it stores. What it holds between entries is its own
 * (counts, small indexes, the first entries of each list), never a whole list of the region's facts.
 */
export interface Derivation {
  readonly scans: readonly Scan[];
  groups(): Group[];
}

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

/** The entries of a list: all of them, or the first ones with the count of all (FirstEntries). */
export type Entries<I> = readonly I[] | FirstEntries<I>;

const made = (grp: string, entries: Entries<unknown>, data: unknown): Group =>
  ({
    grp,
    ...(entries instanceof FirstEntries ? { items: entries.items, total: entries.total } : { items: entries }),
    ...(data === undefined ? {} : { data }),
  }) as unknown as Group;

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

  write(items: Entries<I>, ...data: DataArg<D>): Group {
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

  write(key: K, items: Entries<I>, ...data: DataArg<D>): Group {
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
 * region's copy is derived again at start), its kinds of group, and how a region's facts become them
 * (a fresh Derivation per region).
 */
export interface Aggregate<N extends string> {
  readonly name: N;
  readonly version: number;
  readonly derive: () => Derivation;
}

/** Defines an aggregate; its kinds' names must not overlap, so no kind reads another's group. */
export function defineAggregate<N extends string>(
  name: N,
  version: number,
  kinds: ReadonlyArray<{ readonly prefix: string }>,
  derive: () => Derivation,
): Aggregate<N> {
  const names = kinds.map((k) => ({ prefix: k.prefix, keyed: k instanceof KeyedGroup }));
  for (const a of names) {
    for (const b of names) {
      if (a !== b && (a.prefix === b.prefix || (a.keyed && b.prefix.startsWith(a.prefix)))) {
        throw new Error(`aggregate ${name}: group names "${a.prefix}" and "${b.prefix}" overlap`);
      }
    }
  }
  return { name, version, derive };
}
