/**
 * Every error a client sees carries the request id that the logs carry. In production, internal
 * errors (stack traces, SQL, addresses) are masked; the original is logged under that request id.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@samverkan/shared/server';
import { checkOperation } from './operation-checks';

export interface RequestContext {
  requestId: string;
}

/** Codes whose messages are meant for clients and stay as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_EXPENSIVE',
  'RESPONSE_TOO_LARGE',
  'SERVICE_OVERLOADED',
]);

const isClientMessage = (message: string, code: unknown) =>
  CLIENT_CODES.has(String(code)) ||
  message.startsWith('Subgraph "') ||
  /^(Syntax Error|Query depth|Aliases limit|Token limit|Directives limit|Query Cost limit)/i.test(message);

/**
 * graphql-armor prefixes its limit errors with "Syntax Error: " and graphql's parser reports the token
 * limit as a syntax error; neither is one. The client reads which limit it hit, and which variable sets it.
 */
export function clearLimitMessage(message: string): string {
  const tokens = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens\. Parsing aborted\.$/.exec(message);
  if (tokens) return `Token limit of ${tokens[1]} exceeded: send a shorter operation (MAX_TOKENS)`;
  const armor = /^Syntax Error: ((Query depth|Aliases|Directives|Query Cost) limit of .*)$/.exec(message);
  if (!armor) return message;
  const variable = { 'Query depth': 'MAX_DEPTH', Aliases: 'MAX_ALIASES', Directives: 'MAX_DIRECTIVES', 'Query Cost': 'MAX_COST' }[armor[2] as 'Aliases'];
  return `${armor[1]!.replace(/\.$/, '')} (${variable})`;
}

export function errorPlugin(logger: Logger, production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // The gateway's executor reports these client errors as 500s: answer them with a 400 first.
        async didResolveOperation({ request, document, operation, schema }) {
          checkOperation(document, request.operationName, operation, schema);
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) logger.warn({ requestId: contextValue.requestId, operationName, err: e.message, code: e.extensions?.code }, 'request error');
        },
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const e = { ...error, message: clearLimitMessage(error.message) };
            const code = e.extensions?.code;
            const extensions = { ...e.extensions, requestId: contextValue.requestId };
            if (!production) return { ...e, extensions };
            if (isClientMessage(e.message, code)) {
              delete (extensions as Record<string, unknown>).stacktrace;
              delete (extensions as Record<string, unknown>).exception;
              return { ...e, extensions };
            }
            return {
              message: `Internal server error (request id ${contextValue.requestId})`,
              path: e.path,
              extensions: { code: code ?? 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
            };
          });
        },
      };
    },
  };
}
