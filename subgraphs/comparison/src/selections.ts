/**
 * The region data each aggregate @requires. The gateway fetches it from every region subgraph in
 * parallel and hands it to this subgraph in one call (FEDERATION.md). `ALL` stands for every field
 * of the type, expanded from the schema when the subgraph schema is built (shared/src/federation.ts).
 * Each aggregate asks for what it reads, no more.
 *
 * Every selection starts with the region's `name`, asked through each region's own type (an inline
 * fragment per registry region: the interface field is not @external here, the stub types' field
 * is). The region subgraph answers `name` without its database, so the comparison can tell which
 * region an entry is (scope.ts matches it to the registry) even when the region's lists failed.
 */
import { REGIONS } from '@samverkan/shared';

export type RequiredList = 'documents' | 'bodies' | 'roles' | 'reportingDuties' | 'plans' | 'decisionRules';

/** A required selection and the region lists it carries (a null one means the region's answer is incomplete). */
export interface Requirement { selection: string; lists: RequiredList[] }

const IDENTITY = REGIONS.map((r) => `... on ${r.typename} { name }`).join(' ');
const req = (parts: Partial<Record<RequiredList, string>>): Requirement => ({
  selection: `regions { ${IDENTITY} ${Object.entries(parts).map(([list, sel]) => `${list} { ${sel} }`).join(' ')} }`,
  lists: Object.keys(parts) as RequiredList[],
});

/**
 * The body fields the shared filters and the frequency aggregates read. The hot aggregates ask for
 * these only: the required data crosses the gateway twice, so its size is most of the work
 * (measured by `npm run bench`).
 */
const BODY_CORE = 'id regionCode name kind level levelBasis permanence cadence { ALL } minutes { ALL } substitutes { ALL }';
/** Whether each region answered completely: one small field of every list, so a failed list is seen. */
export const REQUIRES_PRESENCE = req({
  documents: 'file', bodies: 'id', roles: 'id', reportingDuties: 'id', plans: 'id', decisionRules: 'id',
});
export const REQUIRES_BODIES = req({ bodies: BODY_CORE });
/** Bodies with the roles and reporting duties that the comparison-only filters join. */
export const REQUIRES_COMPARED_BODIES = req({ bodies: 'ALL', roles: 'ALL', reportingDuties: 'ALL' });
export const REQUIRES_ROLES = req({ bodies: `${BODY_CORE} chair { ALL } viceChair { ALL } convener { ALL }`, roles: 'ALL' });
/** The functional crosswalk reads bodies' offices and assignments, roles' duties and who reports. */
export const REQUIRES_FUNCTIONS = req({ bodies: 'ALL', roles: 'ALL', reportingDuties: 'ALL' });
export const REQUIRES_REPORTING = req({ bodies: 'ALL', roles: 'ALL', reportingDuties: 'ALL' });
export const REQUIRES_CHAINS = req({ bodies: 'ALL', roles: 'ALL', reportingDuties: 'ALL' });
export const REQUIRES_MATRIX = req({ bodies: 'ALL', reportingDuties: 'ALL', plans: 'ALL', decisionRules: 'ALL' });
export const REQUIRES_DIFFERENCES = req({ bodies: 'ALL', roles: 'ALL', reportingDuties: 'ALL', plans: 'ALL' });
