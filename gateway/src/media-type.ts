/**
 * GraphQL over HTTP's two response media types. A client that accepts
 * `application/graphql-response+json` gets it, and with it status codes that tell what happened: a
 * request error (the document does not parse, does not validate, its variables do not coerce, it is
 * refused before execution: no `data` entry) is a 400. A client of `application/json` (no Accept
 * header included) gets 200 for such a request error, as the specification asks of that legacy media
 * type: its clients read the errors of the body, not the status. Refusals that are not GraphQL errors
 * keep their status under both (413, 429, 503, 405, 406).
 * Negotiated as Apollo Server negotiates (negotiator, the same preference order), so the response cache
 * and merged requests (response-cache.ts, inflight.ts) answer with the media type Apollo would.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

export const APPLICATION_JSON = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/** The media type of the answer to a request with this Accept header; null: none the gateway speaks (Apollo answers 406). */
export function responseMediaType(accept: string | string[] | null | undefined): string | null {
  const header = Array.isArray(accept) ? accept.join(', ') : accept;
  if (!header) return APPLICATION_JSON;
  let negotiated = negotiatedByHeader.get(header);
  if (negotiated === undefined) {
    negotiated = new Negotiator({ headers: { accept: header } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? null;
    // Clients send a handful of distinct Accept headers; the memo is bounded all the same.
    if (negotiatedByHeader.size >= 100) negotiatedByHeader.clear();
    negotiatedByHeader.set(header, negotiated);
  }
  return negotiated;
}
const negotiatedByHeader = new Map<string, string | null>();

/**
 * GraphQL request errors: the document was read but will not run (parse, validation, variable coercion,
 * which operation, the work estimate over MAX_WORK). A request that is not well-formed (no `query`, a
 * query that is not a string: BAD_REQUEST) is not one and stays a 400 under both media types.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_EXPENSIVE',
]);

/** Sets the negotiated media type, and 200 for a request error answered as application/json. */
export function mediaTypePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const mediaType = responseMediaType(request.http?.headers.get('accept'));
      return {
        async willSendResponse({ response }) {
          if (!mediaType || response.body.kind !== 'single') return;
          response.http.headers.set('content-type', mediaType);
          const { data, errors } = response.body.singleResult;
          const requestError = data === undefined && Boolean(errors?.length) && errors!.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
          if (mediaType === APPLICATION_JSON && requestError && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}
