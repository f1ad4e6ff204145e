/**
 * The gateway's GET /metrics (prom-client): how long requests take per operation and per subgraph, the
 * errors clients get by code, the response cache, load shedding and the expensive-work queue.
 *
 * Label values are bounded: an operation is labelled by its name only when it has one and is among
 * the first `maxOperations` names seen (else `(anonymous)` / `(other)`); error codes likewise; a
 * subgraph is one of the supergraph's; a status is an HTTP status code.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { subscribe } from 'node:diagnostics_channel';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkLimiter } from './shedding';

/** Request durations: a cache hit takes a millisecond, an aggregate over every region seconds. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** At most `max` distinct values; later ones are `other`. */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly other = '(other)',
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return this.other;
    this.seen.add(value);
    return value;
  }
}

/** Where the gateway's handling of one request notes its operation name (res.locals). */
export interface Observed {
  operation?: string;
}
export const observedOf = (res: Response): Observed => (res.locals.observed ??= {}) as Observed;

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations: BoundedLabel;
  private readonly codes = new BoundedLabel(50);
  private readonly shedCounter = new Counter({
    name: 'samverkan_gateway_shed_total',
    help: 'Expensive operations refused with 503 (queue full or timed out, heap nearly full).',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  private readonly knownCostCounter = new Counter({
    name: 'samverkan_gateway_known_cost_refusals_total',
    help: 'Requests refused by the known work of their operation, before any GraphQL work (known-costs.ts), by reason: too_expensive (400), queue or heap (503).',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  private readonly limitedCounter = new Counter({
    name: 'samverkan_gateway_rate_limited_total',
    help: 'Requests refused with 429 (per-client rate limit).',
    registers: [this.registry],
  });
  private readonly requestDuration = new Histogram({
    name: 'samverkan_gateway_request_duration_seconds',
    help: 'POST /graphql from the first byte read to the last byte sent, by operation name and HTTP status (cache hits and refusals included).',
    labelNames: ['operation', 'status'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly subgraphDuration = new Histogram({
    name: 'samverkan_gateway_subgraph_request_duration_seconds',
    help: 'One call to a subgraph (each retry is one more), by subgraph and outcome: ok (2xx), http_error, network_error.',
    labelNames: ['subgraph', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'samverkan_gateway_errors_total',
    help: 'GraphQL errors in answers, by extensions.code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly cacheHits = new Counter({
    name: 'samverkan_gateway_response_cache_hits_total',
    help: 'Requests answered from the response cache.',
    registers: [this.registry],
  });
  private readonly cacheMisses = new Counter({
    name: 'samverkan_gateway_response_cache_misses_total',
    help: 'Cacheable requests the response cache did not hold (answered by GraphQL).',
    registers: [this.registry],
  });
  private readonly cacheBypassed = new Counter({
    name: 'samverkan_gateway_response_cache_bypassed_total',
    help: "Cacheable requests answered without the cache because a subgraph's /version did not answer at the last poll.",
    registers: [this.registry],
  });
  private readonly cacheHitBytes = new Counter({
    name: 'samverkan_gateway_response_cache_hit_bytes_total',
    help: 'Bytes answered from the response cache.',
    registers: [this.registry],
  });

  constructor(maxOperations = 100) {
    this.operations = new BoundedLabel(maxOperations);
    this.registry.setDefaultLabels({ service: 'gateway' });
    // Zero from the start, so that a rate of refusals is 0 rather than no data.
    for (const reason of ['queue', 'heap']) this.shedCounter.inc({ reason }, 0);
    for (const reason of ['too_expensive', 'queue', 'heap']) this.knownCostCounter.inc({ reason }, 0);
    collectDefaultMetrics({ register: this.registry });
  }

  watch(limiter: WorkLimiter, cache: () => { bytes: number; entries: number }): void {
    new Gauge({
      name: 'samverkan_gateway_expensive_active',
      help: 'Expensive operations running.',
      registers: [this.registry],
      collect() {
        this.set(limiter.active);
      },
    });
    new Gauge({
      name: 'samverkan_gateway_expensive_queued',
      help: 'Expensive operations waiting for a slot.',
      registers: [this.registry],
      collect() {
        this.set(limiter.queued);
      },
    });
    new Gauge({
      name: 'samverkan_gateway_expensive_slots',
      help: 'Expensive operations that may run at once (MAX_CONCURRENT_EXPENSIVE).',
      registers: [this.registry],
      collect() {
        this.set(limiter.maxConcurrent);
      },
    });
    new Gauge({
      name: 'samverkan_gateway_response_cache_bytes',
      help: 'Bytes held by the response cache.',
      registers: [this.registry],
      collect() {
        this.set(cache().bytes);
      },
    });
    new Gauge({
      name: 'samverkan_gateway_response_cache_entries',
      help: 'Answers held by the response cache.',
      registers: [this.registry],
      collect() {
        this.set(cache().entries);
      },
    });
  }

  /** The operation label of a name: the name itself (bounded), or (anonymous). */
  operationLabel(name: string | null | undefined): string {
    return name ? this.operations.of(name) : '(anonymous)';
  }

  /** One POST /graphql answered, from `start` (process.hrtime.bigint()) until now. */
  observeRequest(operation: string | null | undefined, status: number, start: bigint): void {
    this.requestDuration.observe({ operation: this.operationLabel(operation), status: String(status) }, Number(process.hrtime.bigint() - start) / 1e9);
  }

  /** Express middleware, first on /graphql: the duration of every request, whoever answers it. */
  timeRequests() {
    return (req: Request, res: Response, next: NextFunction) => {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const body = req.body as { operationName?: unknown } | undefined;
        this.observeRequest(observedOf(res).operation ?? (typeof body?.operationName === 'string' ? body.operationName : undefined), res.statusCode, start);
      });
      next();
    };
  }

  /** Apollo plugin: notes the resolved operation name and counts the errors of every answer by code. */
  plugin<T>(): ApolloServerPlugin<T & { observed?: Observed }> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operationName, contextValue }) => {
          if (contextValue.observed && operationName) contextValue.observed.operation = operationName;
        },
        willSendResponse: async ({ response }) => {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? [])
            this.errors.inc({ code: this.codes.of(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) });
        },
      }),
    };
  }

  /**
   * Times the gateway's calls to the subgraphs through undici's diagnostics channels (the fetcher's
   * undici requests publish there): `subgraphOf` names the subgraph of a request's URL, or undefined
   * for any other request (the response cache's /version polls, /ready checks).
   */
  watchSubgraphCalls(subgraphOf: (url: string) => string | undefined): void {
    const started = new WeakMap<object, { subgraph: string; start: bigint; status?: number }>();
    const end = (request: object, outcome?: string) => {
      const s = started.get(request);
      if (!s) return;
      started.delete(request);
      const result = outcome ?? (s.status !== undefined && s.status >= 200 && s.status < 300 ? 'ok' : 'http_error');
      this.subgraphDuration.observe({ subgraph: s.subgraph, outcome: result }, Number(process.hrtime.bigint() - s.start) / 1e9);
    };
    type Message = { request: { origin?: string | URL; path?: string }; response?: { statusCode: number } };
    subscribe('undici:request:create', (m) => {
      const { request } = m as Message;
      const subgraph = subgraphOf(`${String(request.origin ?? '')}${request.path ?? ''}`);
      if (subgraph) started.set(request, { subgraph, start: process.hrtime.bigint() });
    });
    subscribe('undici:request:headers', (m) => {
      const { request, response } = m as Message;
      const s = started.get(request);
      if (s && response) s.status = response.statusCode;
    });
    subscribe('undici:request:trailers', (m) => end((m as Message).request));
    subscribe('undici:request:error', (m) => end((m as Message).request, 'network_error'));
  }

  cacheLookup(result: 'hit' | 'miss' | 'bypass', hitBytes = 0): void {
    if (result === 'hit') {
      this.cacheHits.inc();
      this.cacheHitBytes.inc(hitBytes);
    } else if (result === 'miss') this.cacheMisses.inc();
    else this.cacheBypassed.inc();
  }

  shed(reason: 'queue' | 'heap'): void {
    this.shedCounter.inc({ reason });
  }
  /** A refusal by known cost (known-costs.ts): counted as the same refusal by Apollo would be, and by reason. */
  knownCostRefusal(reason: 'too_expensive' | 'queue' | 'heap', code: string): void {
    this.knownCostCounter.inc({ reason });
    this.errors.inc({ code: this.codes.of(code) });
    if (reason !== 'too_expensive') this.shed(reason);
  }
  rateLimited(n: number): void {
    this.limitedCounter.inc(n);
  }
  render(): Promise<string> {
    return this.registry.metrics();
  }
  get contentType(): string {
    return this.registry.contentType;
  }
}
