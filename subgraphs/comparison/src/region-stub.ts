/**
 * What the comparison subgraph knows of a region type: its key. The per-region stub types are
 * generated from the registry (src/generated/region-stubs.ts), one line each; the gateway resolves
 * every other field of a region in the region's own subgraph.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RegionRef } from './landscape';

export function defineRegionStub(typename: string) {
  @Directive('@key(fields: "code", resolvable: false)')
  @ObjectType(typename, { implements: RegionRef })
  class RegionStub {
    @Field(() => ID) code!: string;
  }
  return RegionStub;
}
