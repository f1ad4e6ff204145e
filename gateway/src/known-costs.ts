/**
 * Refusals that cost (almost) nothing. The work of an operation (demand.ts) depends on its text and
 * its name only, never on its variables, so once the gateway has estimated it, it keeps it, by the
 * operation's normalized text and name (`costKey`; a persisted document's id is resolved to its text
 * first). A later request for an operation whose work is known is refused before any GraphQL work
 * (no parse, no validation, no estimate, no limiter) when it would be refused anyway:
 *   - its work is over MAX_WORK: 400 QUERY_TOO_EXPENSIVE (200 under application/json, as Apollo's);
 *   - it is expensive and the expensive-work queue is full, or the heap nearly is: 503.
 * The same refusal is given from the request's raw bytes by the front door (front-door.ts), before
 * its body is even parsed as JSON, when the very same bytes were seen before (`remember`).
 */
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { getHeapStatistics } from 'node:v8';
import { APPLICATION_JSON } from './media-type';
import { requestIdOfResponse } from './request-id';
import { requestKeys } from './response-cache';
import type { WorkLimiter } from './shedding';

/** What a request's raw bytes stand for, learned when they were first read. */
export interface RawKeys {
  costKey: string;
  cacheKey?: string;
  operation?: string;
}

/** A request's keys (set by `keys`), and its raw body when the front door read it (front-door.ts). */
export interface KeyedRequest {
  costKey?: string;
  cacheKey?: string;
  frontDoorRaw?: string;
}

/** An answer the gateway gives without GraphQL work. */
export interface Refusal {
  status: number;
  code: string;
  body: (requestId: string) => string;
  retryAfter?: string;
}

export interface KnownCostsOptions {
  maxWork: number;
  expensiveWork: number;
  limiter: WorkLimiter;
  heapShedRatio: number;
  retryAfterSeconds: number;
  /** Told of every refusal given here: `too_expensive`, `queue` or `heap`. */
  onRefused?: (reason: KnownCostRefusal, code: string) => void;
}
export type KnownCostRefusal = 'too_expensive' | 'queue' | 'heap';

/** Bounds of what is kept: an operation's text is at most BODY_LIMIT (100 kB by default). */
const MAX_ENTRIES = 1000;
const MAX_CHARS = 16 * 1024 * 1024;
const sized = <V>() => new LRUCache<string, V & object>({ max: MAX_ENTRIES, maxSize: MAX_CHARS, sizeCalculation: (_v, k) => Math.max(1, k.length) });

export const tooExpensiveMessage = (work: number, maxWork: number) =>
  `Query is too expensive: estimated work ${work} is over the limit ${maxWork} (each alias of landscape computes its aggregates again over every region's data); split it into smaller requests`;

const errorBody = (message: string, extensions: Record<string, unknown>) => (requestId: string) =>
  JSON.stringify({ errors: [{ message, extensions: { ...extensions, requestId } }] });

export class KnownCosts {
  private readonly works = sized<{ work: number }>();
  private readonly raw = sized<RawKeys>();
  private readonly heapLimit = getHeapStatistics().heap_size_limit;

  constructor(private readonly options: KnownCostsOptions) {}

  /** The work estimated for an operation (demand.ts), kept for later requests of it. */
  learn(costKey: string | undefined, work: number): void {
    if (costKey) this.works.set(costKey, { work });
  }

  /** The keys of a request's raw body bytes, for the front door. */
  remember(raw: string, keys: RawKeys): void {
    this.raw.set(raw, keys);
  }
  keysOf(raw: string): RawKeys | undefined {
    return this.raw.get(raw);
  }

  /** A new supergraph: every estimate may change. */
  clear(): void {
    this.works.clear();
    this.raw.clear();
  }

  /** The refusal of an operation whose work is known, under this response media type; undefined: let it run. */
  refusal(costKey: string, mediaType: string): Refusal | undefined {
    const work = this.works.get(costKey)?.work;
    if (work === undefined) return undefined;
    const o = this.options;
    if (work > o.maxWork) {
      o.onRefused?.('too_expensive', 'QUERY_TOO_EXPENSIVE');
      // A request error: 200 with the errors under application/json, 400 under application/graphql-response+json (media-type.ts).
      return {
        status: mediaType === APPLICATION_JSON ? 200 : 400,
        code: 'QUERY_TOO_EXPENSIVE',
        body: errorBody(tooExpensiveMessage(work, o.maxWork), { code: 'QUERY_TOO_EXPENSIVE', work, maxWork: o.maxWork }),
      };
    }
    if (work < o.expensiveWork) return undefined;
    const heap = getHeapStatistics().used_heap_size > this.heapLimit * o.heapShedRatio;
    if (!heap && !o.limiter.full) return undefined;
    const reason = heap ? 'heap' : 'queue';
    o.onRefused?.(reason, 'SERVICE_OVERLOADED');
    const message = heap ? 'The gateway is busy (memory); try again shortly' : 'The gateway is busy with expensive queries; try again shortly';
    return { status: 503, code: 'SERVICE_OVERLOADED', retryAfter: String(o.retryAfterSeconds), body: errorBody(message, { code: 'SERVICE_OVERLOADED' }) };
  }

  /**
   * Express middleware after the body is read and a persisted document's id resolved: the request's
   * keys (response-cache.ts requestKeys), and for the front door what its raw bytes stand for.
   */
  keys() {
    return (req: Request & KeyedRequest, _res: Response, next: NextFunction) => {
      const keys = req.method === 'POST' ? requestKeys(req.body) : undefined;
      if (keys) {
        req.costKey = keys.costKey;
        req.cacheKey = keys.cacheKey;
        const name = (req.body as { operationName?: unknown }).operationName;
        if (req.frontDoorRaw !== undefined) this.remember(req.frontDoorRaw, { ...keys, operation: typeof name === 'string' ? name : undefined });
      }
      next();
    };
  }

  /** Express middleware (after the request's keys are known): the refusal by known cost, before the rate limit and Apollo. */
  middleware(mediaTypeOf: (accept: string | undefined) => string | null) {
    return (req: Request & KeyedRequest, res: Response, next: NextFunction) => {
      const mediaType = req.costKey ? mediaTypeOf(req.headers.accept) : null;
      const refusal = mediaType ? this.refusal(req.costKey!, mediaType) : undefined;
      if (!refusal || !mediaType) return next();
      res.status(refusal.status).set({ 'content-type': mediaType, 'x-refused': 'known-cost' });
      if (refusal.retryAfter) res.set('retry-after', refusal.retryAfter);
      res.send(refusal.body(requestIdOfResponse(res)));
    };
  }
}
