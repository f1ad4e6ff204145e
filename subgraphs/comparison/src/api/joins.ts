/**
 * The federation join: a comparison row returns its region as an entity reference, so a client can ask
 * for fields only the region's own subgraph serves (`region { ... on KalmarRegion { presidiekonferens
 * { ... } } }`) and the gateway fetches them from that subgraph by key. Body and role rows return the
 * region's own body (role) entity the same way: `regionBody { ... on KalmarBody { memberSelection { ... } } }`.
 */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { RegionBody, regionBodyTypename, RegionRole, regionRoleTypename, type RegionOwnedRef } from '@samverkan/contract';
import { ComparedBody } from './bodies';
import { ComparedRole, RoleOrigin } from '../aggregates/crosswalk';
import { FrequencyRow, RegionRef } from './landscape';
import { regionStub } from './resolver';

const DESCRIPTION = 'The region, resolved by its own subgraph: ask it for region-owned fields.';
const BODY_DESCRIPTION = 'The body as its own region serves it (`<Prefix>Body`, joined by id): ask it for the fields only that region has.';
const bodyRef = (regionCode: string, id: string): RegionOwnedRef => ({ __typename: regionBodyTypename(regionCode), id });

@Resolver(() => ComparedBody)
export class ComparedBodyJoin {
  @FieldResolver(() => RegionRef, { description: DESCRIPTION })
  region(@Root() row: ComparedBody): RegionRef {
    return regionStub(row.regionCode);
  }

  @FieldResolver(() => RegionBody, { description: BODY_DESCRIPTION })
  regionBody(@Root() row: ComparedBody): RegionOwnedRef {
    return bodyRef(row.regionCode, row.id);
  }
}

@Resolver(() => FrequencyRow)
export class FrequencyRowJoin {
  @FieldResolver(() => RegionRef, { description: DESCRIPTION })
  region(@Root() row: FrequencyRow): RegionRef {
    return regionStub(row.regionCode);
  }

  @FieldResolver(() => RegionBody, { description: BODY_DESCRIPTION })
  regionBody(@Root() row: FrequencyRow): RegionOwnedRef {
    return bodyRef(row.regionCode, row.bodyId);
  }
}

@Resolver(() => ComparedRole)
export class ComparedRoleJoin {
  @FieldResolver(() => RegionRole, {
    nullable: true,
    description: 'The role as its own region serves it (`<Prefix>Role`, joined by id); null for an office stated only on a body (origin BODY_OFFICE).',
  })
  regionRole(@Root() row: ComparedRole): RegionOwnedRef | null {
    return row.origin === RoleOrigin.ROLE ? { __typename: regionRoleTypename(row.regionCode), id: row.id } : null;
  }
}
