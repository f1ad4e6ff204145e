/**
 * The request id: the client's x-request-id when it is a sane one, else a new one. It is fixed when a
 * request arrives, before anything can refuse it, and every answer carries it in its x-request-id
 * header; every error a client sees carries it in `extensions.requestId`, and the log line of that
 * error carries the same id, whatever layer refused the request (body parser, CSRF prevention,
 * batching, rate limit, GraphQL).
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@samverkan/shared/server';

export const requestIdOf = (header: unknown): string => (typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID());

/** The request id of a request that passed `requestIds` (res.locals.requestId). */
export const requestIdOfResponse = (res: Response): string => String(res.locals.requestId);

interface ErrorBody {
  errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
}

/**
 * Express middleware, first on /graphql: sets the request id and its header, and gives every error
 * answer (status 400 or more) that does not carry the id yet (Apollo's HTTP-level refusals, the rate
 * limit) the id in each error's extensions, logging it with the id. Errors of the GraphQL pipeline
 * carry it already (errors.ts), and are logged there.
 */
export function requestIds(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode >= 400 && (typeof body === 'string' || Buffer.isBuffer(body)))
        return send(withRequestId(String(body), requestId, res.statusCode, logger));
      return send(body);
    };
    next();
  };
}

function withRequestId(body: string, requestId: string, status: number, logger: Logger): string {
  let parsed: ErrorBody;
  try {
    parsed = JSON.parse(body) as ErrorBody;
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.errors) || parsed.errors.every((e) => e.extensions?.requestId)) return body;
  for (const e of parsed.errors) {
    if (e.extensions?.requestId) continue;
    e.extensions = { ...e.extensions, requestId };
    logger.warn({ requestId, status, err: e.message, code: e.extensions.code }, 'request refused');
  }
  return JSON.stringify(parsed);
}
