/**
 * A response cache that stays correct. It keeps complete answers (no errors) to queries, keyed by
 * the operation text, its name and its variables. The data can change only when a subgraph
 * restarts, and every subgraph reports a /version that changes with each start: the gateway polls
 * them and drops the whole cache when any version changes or any subgraph does not answer, and it
 * serves nothing from the cache until every subgraph answers again. Nothing here is per user, so
 * nothing is shared that must not be; answers with errors (a region missing) are never kept.
 */
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from '@samverkan/shared';

type SingleResult = { data?: Record<string, unknown> | null };

export interface ResponseCacheOptions {
  /** Subgraph name → its /version URL. */
  versionUrls: Map<string, string>;
  pollMs: number;
  maxEntries: number;
  logger: Logger;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, SingleResult>;
  private versions = new Map<string, string>();
  private healthy = false;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries = new LRUCache({ max: options.maxEntries });
  }

  /** Polls the subgraphs' versions until stopped. Resolves after the first round. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => { void this.poll(); }, this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private invalidate(reason: string): void {
    if (this.entries.size) this.options.logger.info({ reason, entries: this.entries.size }, 'response cache cleared');
    this.entries.clear();
    this.generation++;
  }

  async poll(): Promise<void> {
    const results = await Promise.all([...this.options.versionUrls].map(async ([name, url]) => {
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
        return [name, r.ok ? ((await r.json()) as { version?: string }).version : undefined] as const;
      } catch {
        return [name, undefined] as const;
      }
    }));
    const down = results.filter(([, v]) => !v).map(([n]) => n);
    const changed = results.filter(([n, v]) => v && this.versions.has(n) && this.versions.get(n) !== v).map(([n]) => n);
    for (const [n, v] of results) if (v) this.versions.set(n, v);
    if (down.length) this.invalidate(`not answering: ${down.join(', ')}`);
    else if (changed.length) this.invalidate(`new version: ${changed.join(', ')}`);
    this.healthy = down.length === 0;
  }

  static key(request: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null }): string {
    return createHash('sha1').update(request.query ?? '').update('\0').update(request.operationName ?? '')
      .update('\0').update(JSON.stringify(request.variables ?? {})).digest('base64');
  }

  plugin(): ApolloServerPlugin<object> {
    const cache = this;
    return {
      async requestDidStart() {
        let key: string | undefined;
        let generation = -1;
        return {
          async responseForOperation(ctx) {
            if (ctx.operation.operation !== 'query' || !cache.healthy || !ctx.request.query) return null;
            key = ResponseCache.key(ctx.request);
            generation = cache.generation;
            const hit = cache.entries.get(key);
            if (!hit) {
              cache.misses++;
              return null;
            }
            cache.hits++;
            const headers = new HeaderMap([['x-cache', 'hit']]);
            return { http: { headers }, body: { kind: 'single', singleResult: hit } } as GraphQLResponse;
          },
          async willSendResponse(ctx: GraphQLRequestContext<object>) {
            const body = ctx.response.body;
            if (!key || body?.kind !== 'single' || ctx.response.http.headers.get('x-cache') === 'hit') return;
            const result = body.singleResult;
            // Only complete answers, and only if nothing was invalidated while this one was computed.
            if (!result.errors?.length && result.data && cache.healthy && generation === cache.generation) {
              cache.entries.set(key, { data: result.data });
            }
          },
        };
      },
    };
  }
}
