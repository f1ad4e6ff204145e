/**
 * Constants the read model's migrations, queries and the aggregates share. A leaf module: it imports
 * nothing, so every module may import it without forming an import cycle (issue #25).
 */

/**
 * Swedish collation, ICU (the order of `localeCompare(name, 'sv')`): present in the embedded server
 * and in PostgreSQL 15 built with ICU (pg_collation: sv-x-icu).
 */
export const NAME_COLLATION = '"sv-x-icu"';

/** The most entries of one list a request can ask for (`first`), and so the most a group stores. */
export const MAX_FIRST = 500;
/** The entries of each list an aggregate answers with when `first` is not given. */
export const DEFAULT_FIRST = 50;
