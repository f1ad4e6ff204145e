/**
 * Region-owned bodies and roles. `Body` and `Role` are value types every region serves identically;
 * a field only one region has cannot go on them without changing the contract for every region. So
 * each region owns an entity per body and per role, `<Prefix>Body` / `<Prefix>Role @key(fields: "id")`
 * (Prefix: the region's typename without "Region", e.g. KalmarBody), implementing these interfaces.
 * The region adds its own typed fields to its entity in its own subgraph; `Body.regionBody` and
 * `Role.regionRole` (and the comparison's rows, by key) lead to it, and the gateway joins by id.
 */
import { Field, ID, InterfaceType } from 'type-graphql';
import { regionByCode, type RegionEntry } from '../registry';

/** The prefix of a region's own type names: `Kalmar` for KalmarRegion (KalmarBody, KalmarRole ...). */
export const regionTypePrefix = (entry: RegionEntry) => entry.typename.replace(/Region$/, '');

function prefixOf(code: string): string {
  const entry = regionByCode(code);
  if (!entry) throw new Error(`Region "${code}" is not in the registry (contract/src/registry.ts)`);
  return regionTypePrefix(entry);
}

/** The region-owned entity type of a region's bodies, e.g. `KalmarBody`. */
export const regionBodyTypename = (code: string) => `${prefixOf(code)}Body`;
/** The region-owned entity type of a region's roles, e.g. `KalmarRole`. */
export const regionRoleTypename = (code: string) => `${prefixOf(code)}Role`;

/** A reference to a region-owned entity: its type and key (what a resolver returns for one). */
export interface RegionOwnedRef {
  __typename: string;
  id: string;
}

const byTypename = (value: RegionOwnedRef) => value.__typename;

@InterfaceType('RegionBody', {
  description:
    "A body as its own region's subgraph serves it (`<Prefix>Body`, e.g. `KalmarBody`): the region adds the fields only it has. Ask with `... on KalmarBody { ... }`.",
  resolveType: byTypename,
  autoRegisterImplementations: false,
})
export abstract class RegionBody {
  @Field(() => ID, { description: "The body's id (Body.id)." }) id!: string;
}

@InterfaceType('RegionRole', {
  description: "A role as its own region's subgraph serves it (`<Prefix>Role`, e.g. `KalmarRole`): the region adds the fields only it has.",
  resolveType: byTypename,
  autoRegisterImplementations: false,
})
export abstract class RegionRole {
  @Field(() => ID, { description: "The role's id (Role.id)." }) id!: string;
}
