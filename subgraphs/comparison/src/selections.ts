/**
 * The region data each aggregate @requires. The gateway fetches it from every region subgraph in
 * parallel and hands it to this subgraph in one call (FEDERATION.md). `ALL` stands for every field
 * of the type, expanded from the schema when the subgraph schema is built (shared/src/federation.ts).
 */
/** Whether a region answered: a small composite field (a leaf through the interface is rejected). */
export const REQUIRES_PRESENCE = 'regions { documents { ALL } }';
export const REQUIRES_BODIES = 'regions { bodies { ALL } }';
