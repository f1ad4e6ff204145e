/**
 * The comparison's registry fields, answered from the registry while the comparison does not answer.
 * `regions`, `region(code:)` and `landscape { id regions }` are the comparison's, but what it answers for
 * them is the registry itself (@samverkan/contract): a reference per region (`__typename`, `code`), which
 * the gateway then resolves in each region's own subgraph. So when the comparison is down or hung (its
 * circuit open), a fetch the query planner sends it that asks for nothing else is executed here, on a
 * schema of exactly those fields, and gives the answer the comparison would. A fetch that asks for more
 * (an aggregate, freshness) does not validate here and fails as before, naming the comparison.
 */
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';
import { badUserInput, LANDSCAPE_ID, REGIONS, unknownRegionCodesMessage } from '@samverkan/contract';

const schema = buildSchema(`
  interface Region { code: ID! }
  ${REGIONS.map((r) => `type ${r.typename} implements Region { code: ID! }`).join('\n')}
  type Landscape { id: ID! regions: [Region]! }
  type Query { regions: [Region]! region(code: ID!): Region landscape: Landscape! }
`);

const refs = () => REGIONS.map((r) => ({ __typename: r.typename, code: r.code }));
const rootValue = {
  regions: refs,
  region: ({ code }: { code: string }) => {
    const ref = refs().find((r) => r.code === code);
    if (!ref) throw badUserInput(unknownRegionCodesMessage([code]));
    return ref;
  },
  landscape: () => ({ id: LANDSCAPE_ID, regions: refs() }),
};

/** The answer to a fetch of the registry fields only; undefined for any other fetch. */
export function registryAnswer(request: GatewayGraphQLRequest): GatewayGraphQLResponse | undefined {
  if (!request.query) return undefined;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch {
    return undefined;
  }
  if (validate(schema, document).length) return undefined;
  const result = execute({ schema, document, rootValue, variableValues: request.variables, operationName: request.operationName });
  if ('then' in result) return undefined; // every resolver here is synchronous
  return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors?.map((e) => e.toJSON()) };
}
