/**
 * The federation join: a comparison row returns its region as an entity reference, so a client can ask
 * for fields only the region's own subgraph serves (`region { ... on KalmarRegion { presidiekonferens
 * { ... } } }`) and the gateway fetches them from that subgraph by key.
 */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { ComparedBody } from './bodies';
import { FrequencyRow, RegionRef } from './landscape';
import { regionStub } from './resolver';

const DESCRIPTION = 'The region, resolved by its own subgraph: ask it for region-owned fields.';

@Resolver(() => ComparedBody)
export class ComparedBodyJoin {
  @FieldResolver(() => RegionRef, { description: DESCRIPTION })
  region(@Root() row: ComparedBody): RegionRef {
    return regionStub(row.regionCode);
  }
}

@Resolver(() => FrequencyRow)
export class FrequencyRowJoin {
  @FieldResolver(() => RegionRef, { description: DESCRIPTION })
  region(@Root() row: FrequencyRow): RegionRef {
    return regionStub(row.regionCode);
  }
}
