/**
 * The runtime side of region-owned bodies and roles (see @samverkan/contract, graphql/region-owned.ts):
 * every region subgraph serves `<Prefix>Body` and `<Prefix>Role` entities (the id, and the shared fact
 * as `body` / `role`), resolves `Body.regionBody` / `Role.regionRole` to them and resolves them by key
 * for the gateway. A region adds its own fields with a `@Resolver(() => regionBodyType(code))` class of
 * field resolvers in its own folder; `factsAbout` gives them the region's facts about each body or
 * role, one SQL statement per topic per request whatever the number of rows.
 */
import DataLoader from 'dataloader';
import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import {
  Body,
  regionBodyTypename,
  RegionBody,
  regionByCode,
  RegionRole,
  regionRoleTypename,
  Role,
  type RegionalFact,
  type RegionOwnedRef,
} from '@samverkan/contract';
import type { SubgraphContext } from './context';
import { readFacts } from './region-resolver';
import { BodyEntity, RoleEntity } from '../orm/entities';
import { regionalFactsByTopic } from './regional';

/** What a `<Prefix>Body` resolves from: the key, and the shared body when it is already at hand. */
export interface RegionBodyValue extends RegionOwnedRef {
  body?: Body;
}
export interface RegionRoleValue extends RegionOwnedRef {
  role?: Role;
}

const types = new Map<string, ClassType<object>>();

function owned<T extends object>(typename: string, define: () => ClassType<T>): ClassType<T> {
  if (!types.has(typename)) types.set(typename, define());
  return types.get(typename) as ClassType<T>;
}

/** The `<Prefix>Body` entity type of region `code` (one class per region, made once). */
export function regionBodyType(code: string): ClassType<RegionBody> {
  const name = regionBodyTypename(code);
  return owned(name, () => {
    @Directive('@key(fields: "id")')
    @ObjectType(name, { implements: RegionBody, description: `A body of ${regionByCode(code)!.name}, with the fields only this region has.` })
    class OwnedBody extends RegionBody {
      @Field(() => Body, { description: "The body's shared facts." }) body!: Body;
    }
    return OwnedBody;
  });
}

/** The `<Prefix>Role` entity type of region `code`. */
export function regionRoleType(code: string): ClassType<RegionRole> {
  const name = regionRoleTypename(code);
  return owned(name, () => {
    @Directive('@key(fields: "id")')
    @ObjectType(name, { implements: RegionRole, description: `A role of ${regionByCode(code)!.name}, with the fields only this region has.` })
    class OwnedRole extends RegionRole {
      @Field(() => Role, { description: "The role's shared facts." }) role!: Role;
    }
    return OwnedRole;
  });
}

/** Per request: one loader per kind of row and per topic of facts. */
const loaders = new WeakMap<SubgraphContext, Map<string, DataLoader<string, unknown>>>();
function loader<V>(ctx: SubgraphContext, key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  let map = loaders.get(ctx);
  if (!map) loaders.set(ctx, (map = new Map()));
  if (!map.has(key)) map.set(key, new DataLoader<string, V>(batch) as DataLoader<string, unknown>);
  return map.get(key) as DataLoader<string, V>;
}

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? null);
};

export const bodiesById = (ctx: SubgraphContext) =>
  loader(ctx, 'body', async (ids) => byId(ids, await readFacts<Body>(ctx, BodyEntity, { id: { $in: [...ids] } })));
export const rolesById = (ctx: SubgraphContext) =>
  loader(ctx, 'role', async (ids) => byId(ids, await readFacts<Role>(ctx, RoleEntity, { id: { $in: [...ids] } })));

/** The region's facts of `topic` about each body or role id (RegionalFact.bodyId / roleId), in document order. */
export function factsAbout(ctx: SubgraphContext, topic: string, id: string): Promise<RegionalFact[]> {
  return loader(ctx, `facts:${topic}`, async (ids) => {
    const facts = await regionalFactsByTopic(ctx, topic);
    return ids.map((i) => facts.filter((f) => f.bodyId === i || f.roleId === i));
  }).load(id);
}

@Resolver(() => Body)
export class BodyRegionBodyResolver {
  @FieldResolver(() => RegionBody, { nullable: true })
  regionBody(@Root() body: Body): RegionBodyValue {
    return { __typename: regionBodyTypename(body.regionCode), id: body.id, body };
  }
}

@Resolver(() => Role)
export class RoleRegionRoleResolver {
  @FieldResolver(() => RegionRole, { nullable: true })
  regionRole(@Root() role: Role): RegionRoleValue {
    return { __typename: regionRoleTypename(role.regionCode), id: role.id, role };
  }
}

const made = new Map<string, ReturnType<typeof makeOwnedResolvers>>();

/** Resolvers of region `code`'s own body and role entities: `body` / `role` and `__resolveReference` (made once per region). */
export function regionOwnedResolvers(code: string) {
  if (!made.has(code)) made.set(code, makeOwnedResolvers(code));
  return made.get(code)!;
}

function makeOwnedResolvers(code: string) {
  @Resolver(() => regionBodyType(code))
  class OwnedBodyResolver {
    @FieldResolver(() => Body)
    async body(@Root() ref: RegionBodyValue, @Ctx() ctx: SubgraphContext): Promise<Body> {
      return ref.body ?? (await bodiesById(ctx).load(ref.id))!;
    }
  }
  @Resolver(() => regionRoleType(code))
  class OwnedRoleResolver {
    @FieldResolver(() => Role)
    async role(@Root() ref: RegionRoleValue, @Ctx() ctx: SubgraphContext): Promise<Role> {
      return ref.role ?? (await rolesById(ctx).load(ref.id))!;
    }
  }
  const reference = (load: (ctx: SubgraphContext) => DataLoader<string, { id: string } | null>, typename: string, field: string) => ({
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => {
      const row = await load(ctx).load(ref.id);
      return row ? { __typename: typename, id: row.id, [field]: row } : null;
    },
  });
  return {
    resolvers: [BodyRegionBodyResolver, RoleRegionRoleResolver, OwnedBodyResolver, OwnedRoleResolver],
    orphanedTypes: [regionBodyType(code), regionRoleType(code)],
    referenceResolvers: {
      [regionBodyTypename(code)]: reference(bodiesById, regionBodyTypename(code), 'body'),
      [regionRoleTypename(code)]: reference(rolesById, regionRoleTypename(code), 'role'),
    },
  };
}
