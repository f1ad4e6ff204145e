/**
 * What the comparison subgraph knows of a region type: its key. The per-region stub types are
 * generated from the registry (src/generated/region-stubs.ts), one line each; the gateway resolves
 * every other field of a region in the region's own subgraph.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RegionBody, RegionRole } from '@samverkan/contract';
import { RegionRef } from './landscape';

export function defineRegionStub(typename: string) {
  @Directive('@key(fields: "code", resolvable: false)')
  @ObjectType(typename, { implements: RegionRef })
  class RegionStub {
    @Field(() => ID) code!: string;
  }
  return RegionStub;
}

/**
 * What the comparison knows of a region's own body or role type (`<Prefix>Body`, `<Prefix>Role`): its
 * key; the region resolves the rest.
 */
export function defineRegionOwnedStub(typename: string, implementing: typeof RegionBody | typeof RegionRole) {
  @Directive('@key(fields: "id", resolvable: false)')
  @ObjectType(typename, { implements: implementing })
  class RegionOwnedStub {
    @Field(() => ID) id!: string;
  }
  return RegionOwnedStub;
}
