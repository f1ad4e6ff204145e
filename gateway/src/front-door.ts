/**
 * The front door: the HTTP server's request listener, in front of express. A `POST /graphql` with a
 * JSON body of a known length is read here; when these very bytes were seen before (known-costs.ts
 * `remember`), what they stand for is known without parsing anything:
 *   - a response-cache hit is answered at once with the stored bytes;
 *   - an operation whose known work would be refused (over MAX_WORK, or expensive while the queue is
 *     full) is refused at once, unless the same request is in flight (express merges it with that one).
 * Anything else goes on to express with its body already parsed (express.json skips a read body), so
 * it passes every check as before. No express routing, no JSON parse, no GraphQL work for the answers
 * the gateway gives most often under load: repeated questions and repeated refusals.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@samverkan/shared/server';
import { KnownCosts, type KeyedRequest, type Refusal } from './known-costs';
import { requestIdOf } from './request-id';
import type { ResponseCache } from './response-cache';
import type { GatewayMetrics } from './metrics';

export interface FrontDoorOptions {
  path: string;
  /** Largest body read here (BODY_LIMIT); a larger one goes to express, which refuses it. */
  bodyLimit: number;
  costs: KnownCosts;
  cache?: ResponseCache;
  metrics: GatewayMetrics;
  /** The negotiated response media type of an Accept header (media-type.ts), null: none. */
  mediaTypeOf: (accept: string | undefined) => string | null;
  /** Whether the same request (media type, cache key) is being answered: it is merged, not refused. */
  inFlight: (mediaType: string, cacheKey: string) => boolean;
  logger: Logger;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** A body express.json reads itself: not JSON, compressed, of unknown length, another charset. */
const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/** A body the front door read and parsed, or could not (express answers that as body-parser does). */
export interface FrontDoorRequest extends KeyedRequest {
  body?: unknown;
  frontDoorParseFailed?: boolean;
}

export function frontDoor(app: Handler, options: FrontDoorOptions): Handler {
  const { costs, cache, metrics } = options;

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    started: bigint,
    operation: string | undefined,
    status: number,
    headers: Record<string, string>,
    body: (requestId: string) => Buffer | string,
  ) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    const content = body(requestId);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    res.writeHead(status, { ...headers, 'content-length': String(bytes.length), 'x-request-id': requestId });
    res.end(bytes);
    metrics.observeRequest(operation, status, started);
    return requestId;
  };

  const refuse = (req: IncomingMessage, res: ServerResponse, started: bigint, operation: string | undefined, mediaType: string, refusal: Refusal) => {
    const headers: Record<string, string> = { 'content-type': mediaType, 'x-refused': 'known-cost' };
    if (refusal.retryAfter) headers['retry-after'] = refusal.retryAfter;
    const requestId = send(req, res, started, operation, refusal.status, headers, refusal.body);
    options.logger.warn({ requestId, status: refusal.status, code: refusal.code }, 'request refused (known cost)');
  };

  /** True when answered here. */
  const answer = (req: IncomingMessage, res: ServerResponse, raw: string, started: bigint): boolean => {
    const keys = costs.keysOf(raw);
    if (!keys) return false;
    const mediaType = options.mediaTypeOf(req.headers.accept);
    if (!mediaType) return false;
    const hit = keys.cacheKey && cache ? cache.hit(keys.cacheKey) : undefined;
    if (hit) {
      send(req, res, started, hit.operation, 200, { 'content-type': mediaType, 'x-cache': 'hit' }, () => hit.body);
      return true;
    }
    // The same request in flight: express merges it with that one (inflight.ts), which costs nothing more.
    if (keys.cacheKey && options.inFlight(mediaType, keys.cacheKey)) return false;
    const refusal = costs.refusal(keys.costKey, mediaType);
    if (!refusal) return false;
    refuse(req, res, started, keys.operation, mediaType, refusal);
    return true;
  };

  return (req, res) => {
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== options.path ||
      !(length > 0 && length <= options.bodyLimit) ||
      req.headers['content-encoding'] ||
      !JSON_TYPE.test(req.headers['content-type'] ?? '')
    ) {
      app(req, res);
      return;
    }
    const started = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const raw = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      if (answer(req, res, raw, started)) return;
      // On to express, the body read: parsed here as express.json would (strict: an object or an array).
      const r = req as IncomingMessage & FrontDoorRequest;
      try {
        if (!/^\s*[[{]/.test(raw)) throw new SyntaxError('not an object or array');
        r.body = JSON.parse(raw);
        r.frontDoorRaw = raw;
      } catch {
        r.frontDoorParseFailed = true;
      }
      app(req, res);
    });
  };
}

/** Express middleware in express.json's place for a body the front door could not parse: body-parser's 400. */
export function frontDoorParseErrors() {
  return (req: FrontDoorRequest, _res: unknown, next: (err?: unknown) => void) => {
    if (!req.frontDoorParseFailed) return next();
    next(Object.assign(new Error('Request body is not valid JSON'), { status: 400, type: 'entity.parse.failed' }));
  };
}
