/**
 * type-graphql schema → Federation 2 subgraph schema, once for every subgraph (the approach of
 * type-graphql's apollo-federation-2 example): print the schema with its directives, link the
 * federation spec, and hand SDL plus resolvers to @apollo/subgraph.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` (and other) resolvers per entity type. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const local = await buildSchema({ resolvers: options.resolvers, orphanedTypes: options.orphanedTypes, skipCheck: true, validate: false });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(local)}`;
  const resolvers = createResolversMap(local) as GraphQLResolverMap<unknown>;
  for (const [type, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...(extra as object) } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
