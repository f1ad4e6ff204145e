/**
 * The region data each aggregate @requires. The gateway fetches it from every region subgraph in
 * parallel and hands it to this subgraph in one call (FEDERATION.md). `ALL` stands for every field
 * of the type, expanded from the schema when the subgraph schema is built (shared/src/federation.ts).
 * Each aggregate asks for what it reads, no more.
 */
/** Whether a region answered: a small composite field (a leaf through the interface is rejected). */
export const REQUIRES_PRESENCE = 'regions { documents { ALL } }';
/**
 * The body fields the shared filters and the frequency aggregates read. The hot aggregates ask for
 * these only: the required data crosses the gateway twice, so its size is most of the work
 * (measured by `npm run bench`).
 */
const BODY_CORE = 'id regionCode name kind level levelBasis permanence cadence { ALL } minutes { ALL } substitutes { ALL }';
export const REQUIRES_BODIES = `regions { bodies { ${BODY_CORE} } }`;
/** Bodies with the roles and reporting duties that the comparison-only filters join. */
export const REQUIRES_COMPARED_BODIES = 'regions { bodies { ALL } roles { ALL } reportingDuties { ALL } }';
export const REQUIRES_ROLES = `regions { bodies { ${BODY_CORE} chair { ALL } viceChair { ALL } convener { ALL } } roles { ALL } }`;
export const REQUIRES_REPORTING = 'regions { bodies { ALL } roles { ALL } reportingDuties { ALL } }';
export const REQUIRES_CHAINS = 'regions { bodies { ALL } reportingDuties { ALL } }';
export const REQUIRES_MATRIX = 'regions { bodies { ALL } reportingDuties { ALL } plans { ALL } decisionRules { ALL } }';
export const REQUIRES_DIFFERENCES = 'regions { bodies { ALL } roles { ALL } reportingDuties { ALL } plans { ALL } }';
