/**
 * type-graphql schema → Federation 2 subgraph schema, once for every subgraph (the approach of
 * type-graphql's apollo-federation-2 example): print the schema with its directives, link the
 * federation spec, and hand SDL plus resolvers to @apollo/subgraph.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  getNamedType, type GraphQLNamedType, type GraphQLSchema, isInterfaceType, isObjectType, Kind, parse, print,
  type SelectionSetNode, visit,
} from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` (and other) resolvers per entity type. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/** Marker in a @requires selection: "every field of this type, recursively". */
export const ALL_FIELDS = 'ALL';

function fullSelection(type: GraphQLNamedType, touched: Set<string>): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  if (isObjectType(type)) touched.add(type.name);
  return Object.values(type.getFields())
    .map((f) => {
      const inner = getNamedType(f.type);
      return isObjectType(inner) || isInterfaceType(inner) ? `${f.name} { ${fullSelection(inner, touched)} }` : f.name;
    })
    .join(' ');
}

function expand(selection: SelectionSetNode, type: GraphQLNamedType, touched: Set<string>, schema: GraphQLSchema): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  if (isObjectType(type)) touched.add(type.name);
  return selection.selections.map((node) => {
    if (node.kind === Kind.INLINE_FRAGMENT && node.typeCondition) {
      // A fragment on an entity type (e.g. a region's own type): its fields are @external there already.
      const on = schema.getType(node.typeCondition.name.value);
      if (!on) throw new Error(`@requires: no type ${node.typeCondition.name.value}`);
      return `... on ${on.name} { ${expand(node.selectionSet, on, new Set(), schema)} }`;
    }
    if (node.kind !== Kind.FIELD) throw new Error('@requires selections here use fields and typed inline fragments only');
    if (node.name.value === ALL_FIELDS) return fullSelection(type, touched);
    const field = type.getFields()[node.name.value];
    if (!field) throw new Error(`@requires: ${type.name} has no field ${node.name.value}`);
    return node.selectionSet ? `${node.name.value} { ${expand(node.selectionSet, getNamedType(field.type), touched, schema)} }` : node.name.value;
  }).join(' ');
}

/**
 * Expands ALL in @requires selections from the schema itself, so a field added to a shared type is
 * required (and so present in the comparison data) without editing any selection, and marks the
 * value types reached @external as a whole: Federation wants every field in a @requires to be
 * @external, and every @external field used. Entity and interface types are left alone.
 */
function expandRequires(sdl: string, schema: GraphQLSchema): string {
  const touched = new Set<string>();
  let doc = visit(parse(sdl), {
    ObjectTypeDefinition(typeNode) {
      const owner = schema.getType(typeNode.name.value);
      if (!owner || !isObjectType(owner)) return undefined;
      return visit(typeNode, {
        Directive(d) {
          if (d.name.value !== 'requires') return undefined;
          const arg = d.arguments?.find((a) => a.name.value === 'fields');
          if (!arg || arg.value.kind !== Kind.STRING || !arg.value.value.includes(ALL_FIELDS)) return undefined;
          const parsed = parse(`{ ${arg.value.value} }`);
          const op = parsed.definitions[0] as { selectionSet: SelectionSetNode };
          const expanded = expand(op.selectionSet, owner, touched, schema);
          return { ...d, arguments: [{ ...arg, value: { kind: Kind.STRING, value: expanded } }] };
        },
      });
    },
  });
  if (touched.size) {
    doc = visit(doc, {
      ObjectTypeDefinition(node) {
        const isEntity = node.directives?.some((d) => d.name.value === 'key');
        if (!touched.has(node.name.value) || isEntity || schema.getQueryType()?.name === node.name.value) return undefined;
        const directives = (node.directives ?? []).filter((d) => d.name.value !== 'shareable');
        return { ...node, directives: [...directives, { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'external' }, arguments: [] }] };
      },
    });
  }
  return print(doc);
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const local = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${expandRequires(printSchemaWithDirectives(local), local)}`;
  const resolvers = createResolversMap(local) as GraphQLResolverMap<unknown>;
  for (const [type, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...(extra as object) } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
