/**
 * Constants the read model's migrations and queries share. It imports only the aggregates' own
 * definition of MAX_FIRST (aggregates/groups.ts), which imports no read-model module: no import cycle.
 */
import { MAX_FIRST } from '../aggregates/groups';

export { MAX_FIRST };

/**
 * Swedish collation, ICU (the order of `localeCompare(name, 'sv')`): present in the embedded server
 * and in PostgreSQL 15 built with ICU (pg_collation: sv-x-icu).
 */
export const NAME_COLLATION = '"sv-x-icu"';

/** The entries of each list an aggregate answers with when `first` is not given. */
export const DEFAULT_FIRST = 50;
