/**
 * Client mistakes that the gateway's executor would otherwise answer with a 500: they are checked
 * here, before any planning, and answered with a 400 and a clear message.
 */
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';

const badRequest = (message: string, code = 'BAD_USER_INPUT') => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * The operation to run: the one named, or the only one. Mutations and subscriptions are refused
 * when the schema has no such root type (this API answers queries only).
 */
export function checkOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  operation: OperationDefinitionNode | undefined,
  schema: GraphQLSchema,
): void {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName && !operations.some((d) => d.name?.value === operationName)) {
    throw badRequest(`Unknown operation named "${operationName}".`, 'OPERATION_RESOLUTION_FAILURE');
  }
  if (!operation) {
    throw badRequest(
      operations.length > 1 ? 'Must provide operation name if query contains multiple operations.' : 'The document contains no operation to run.',
      'OPERATION_RESOLUTION_FAILURE',
    );
  }
  if (!schema.getRootType(operation.operation)) {
    throw badRequest(`This API answers queries only: the schema has no ${operation.operation} root type.`, 'OPERATION_RESOLUTION_FAILURE');
  }
}

/**
 * Number literals a 64-bit float cannot hold (`1e400` is Infinity): GraphQL's Float accepts such a
 * literal in validation and only fails later, deep in query planning.
 */
export const FiniteNumbersRule: ValidationRule = (context) => ({
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) {
      context.reportError(
        new GraphQLError(`Number ${node.value.length > 40 ? `${node.value.slice(0, 40)}...` : node.value} is out of range for a Float.`, { nodes: [node] }),
      );
    }
  },
  IntValue(node) {
    if (!Number.isFinite(Number(node.value))) {
      context.reportError(
        new GraphQLError(`Number ${node.value.length > 40 ? `${node.value.slice(0, 40)}...` : node.value} is out of range for a Float.`, { nodes: [node] }),
      );
    }
  },
});
