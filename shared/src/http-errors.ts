/** Shared HTTP-level error handling: bad bodies get a clear 4xx in GraphQL's error shape. */
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

export function jsonErrorHandler(logger: Logger, bodyLimit: string) {
  return (err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      err.type === 'entity.too.large'
        ? `Request body larger than ${bodyLimit}`
        : err.type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : status < 500
            ? err.message
            : 'Internal server error';
    // The request id, where the server set one for the request (the gateway does, before the body is read).
    const requestId = typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
    const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) logger.error({ err, requestId }, 'unhandled error');
    else logger.warn({ requestId, status, err: message, code }, 'request refused');
    res.status(status).json({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] });
  };
}

/** PostgreSQL is unreachable or restarting: these are the errors that say so. */
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003', '08004']);

export function isDatabaseDown(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown; originalError?: unknown; message?: string } | undefined, i = 0; e && i < 5; i++) {
    if (e.code && DB_DOWN_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|the database system is (starting up|shutting down)|Timeout acquiring a connection/i.test(e.message)
    )
      return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/** Database outages become a clear SERVICE_UNAVAILABLE; in production other internal errors are masked. */
export function formatSubgraphError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isDatabaseDown(error)) {
      return { message: 'The database is unavailable; try again shortly', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
