/**
 * A response cache that stays correct. It keeps complete answers (no errors) to queries, keyed by
 * the normalized operation, its name and its variables (see `key`). Every subgraph reports a
 * /version made of its schema hash and its data version (the same in every replica serving the same
 * schema and data; the comparison's changes when its read model syncs a region): the gateway polls
 * them and drops the whole cache when any version changes or any subgraph does not answer, and it
 * serves nothing from the cache until every subgraph answers again. Nothing here is per user, so
 * nothing is shared that must not be; answers with errors (a region missing) are never kept.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { requestIdOfResponse } from './request-id';
import { responseMediaType } from './media-type';
import { LRUCache } from 'lru-cache';
import { stripIgnoredCharacters } from 'graphql';
import type { Logger } from '@samverkan/shared/server';
import { observedOf } from './metrics';

export interface CacheContext {
  cacheKey?: string;
  cacheGeneration?: number;
}

export interface ResponseCacheOptions {
  /** Subgraph name → its /version URL. */
  versionUrls: Map<string, string>;
  pollMs: number;
  maxEntries: number;
  /** Bound of the stored answers, in bytes (UTF-8). */
  maxBytes: number;
  /** Headers of the /version polls (the gateway secret). */
  headers?: Record<string, string>;
  logger: Logger;
  /** Told of every cacheable request: a hit (with the bytes answered), a miss, or bypassed (a subgraph not answering). */
  onLookup?: (result: 'hit' | 'miss' | 'bypass', hitBytes?: number) => void;
}

/** A stored answer: the exact bytes sent, and the operation's name (for the metrics of a hit). */
export interface Entry {
  body: Buffer;
  operation?: string;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private versions = new Map<string, string>();
  private healthy = false;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ResponseCacheOptions) {
    // Sized in bytes: the stored answers are the UTF-8 bytes sent (a character of Swedish text can be two).
    this.entries = new LRUCache({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (v) => Math.max(1, v.body.length) });
  }

  /** Bytes held. */
  get size(): number {
    return this.entries.calculatedSize;
  }

  /** Answers held. */
  get count(): number {
    return this.entries.size;
  }

  /** Polls the subgraphs' versions until stopped. Resolves after the first round. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => {
      void this.poll();
    }, this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Drops every stored answer (a subgraph changed, or the gateway took a new supergraph). */
  invalidate(reason: string): void {
    if (this.entries.size) this.options.logger.info({ reason, entries: this.entries.size }, 'response cache cleared');
    this.entries.clear();
    this.generation++;
  }

  async poll(): Promise<void> {
    const results = await Promise.all(
      [...this.options.versionUrls].map(async ([name, url]) => {
        try {
          const r = await fetch(url, { headers: this.options.headers, signal: AbortSignal.timeout(1000) });
          return [name, r.ok ? ((await r.json()) as { version?: string }).version : undefined] as const;
        } catch {
          return [name, undefined] as const;
        }
      }),
    );
    const down = results.filter(([, v]) => !v).map(([n]) => n);
    const changed = results.filter(([n, v]) => v && this.versions.has(n) && this.versions.get(n) !== v).map(([n]) => n);
    for (const [n, v] of results) if (v) this.versions.set(n, v);
    if (down.length) this.invalidate(`not answering: ${down.join(', ')}`);
    else if (changed.length) this.invalidate(`new version: ${changed.join(', ')}`);
    this.healthy = down.length === 0;
  }

  /**
   * The key of a request: its operation with insignificant characters stripped (whitespace, commas,
   * comments), its operation name, and its variables with their keys sorted. Two clients that send
   * the same operation and variables share an entry however they format them. Undefined when the
   * body is not a GraphQL request this cache can key (Apollo answers it).
   */
  static key(body: unknown): string | undefined {
    return requestKeys(body)?.cacheKey;
  }

  /** The stored answer of a key, when the cache serves (every subgraph answered its last poll); counted as a hit. */
  hit(key: string): Entry | undefined {
    const hit = this.healthy ? this.entries.get(key) : undefined;
    if (hit) this.options.onLookup?.('hit', hit.body.length);
    return hit;
  }

  /**
   * Express middleware in front of Apollo (after the request's keys, known-costs.ts): a hit is
   * answered here with the stored bytes, with no GraphQL work at all (the identical request passed
   * every limit when it was first answered). A miss goes on to Apollo carrying its key and the cache
   * generation it started in. Most hits never get here: the front door answers them (front-door.ts).
   */
  middleware() {
    return (req: Request & { cacheKey?: string; cacheGeneration?: number }, res: Response, next: NextFunction) => {
      const key = req.cacheKey;
      if (req.method !== 'POST' || !key) return next();
      if (!this.healthy) {
        this.options.onLookup?.('bypass');
        return next();
      }
      // A complete answer's bytes are the same under either media type; an unacceptable Accept goes on to Apollo (406).
      const mediaType = responseMediaType(req.headers.accept);
      const hit = mediaType ? this.hit(key) : undefined;
      if (hit !== undefined && mediaType) {
        observedOf(res).operation = hit.operation;
        res
          .status(200)
          .set({ 'content-type': mediaType, 'x-cache': 'hit', 'x-request-id': requestIdOfResponse(res) })
          .send(hit.body);
        return;
      }
      this.options.onLookup?.('miss');
      req.cacheGeneration = this.generation;
      next();
    };
  }

  /** Stores complete answers to queries, as the exact bytes Apollo sends. */
  plugin(): ApolloServerPlugin<CacheContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async (ctx: GraphQLRequestContext<CacheContext>) => {
          const { cacheKey, cacheGeneration } = ctx.contextValue;
          const body = ctx.response.body;
          if (!cacheKey || ctx.operation?.operation !== 'query' || body?.kind !== 'single') return;
          const result = body.singleResult;
          // Only complete answers, and only if nothing was invalidated while this one was computed.
          if (!result.errors?.length && result.data && this.healthy && cacheGeneration === this.generation) {
            const bytes = Buffer.from(`${JSON.stringify({ data: result.data })}\n`, 'utf8');
            // An answer larger than the whole cache is not kept (LRUCache would refuse it anyway).
            if (bytes.length <= this.options.maxBytes) this.entries.set(cacheKey, { body: bytes, operation: ctx.operationName ?? undefined });
          }
        },
      }),
    };
  }
}

/**
 * The keys of a GraphQL request body: `costKey`, its operation (normalized text and name: what its
 * work depends on, known-costs.ts) and `cacheKey`, that and its variables (the response cache's and
 * merged requests' key, ResponseCache.key). Undefined when the body is not one request with a query that parses.
 */
export function requestKeys(body: unknown): { costKey: string; cacheKey: string } | undefined {
  const b = body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
  if (!b || typeof b.query !== 'string') return undefined;
  const query = normalizedQuery(b.query);
  if (query === undefined) return undefined;
  const name = b.operationName ?? null;
  return {
    costKey: `${typeof name === 'string' ? name : JSON.stringify(name)}\n${query}`,
    cacheKey: createHash('sha256')
      .update(JSON.stringify([query, name, canonical(b.variables ?? null)]))
      .digest('base64'),
  };
}

const normalized = new LRUCache<string, string | false>({ max: 1000 });
/** The operation text without insignificant characters; undefined when it does not parse. */
function normalizedQuery(query: string): string | undefined {
  let n = normalized.get(query);
  if (n === undefined) {
    try {
      n = stripIgnoredCharacters(query);
    } catch {
      n = false;
    }
    normalized.set(query, n);
  }
  return n === false ? undefined : n;
}

/** A value with object keys sorted, so {a, b} and {b, a} give the same key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}
