/**
 * Load shedding at the gateway, so that valid but expensive input never takes it down:
 *   - an operation whose estimated work (demand.ts) is over the limit gets a 400;
 *   - expensive operations (work at or over a threshold) run at most `maxConcurrent` at a time;
 *     a few more wait in a bounded queue for a bounded time; the rest, and any expensive operation
 *     while the heap is nearly full, get a 503 with Retry-After;
 *   - an answer whose subgraph parts grow over the response budget stops fetching and gets a 413.
 * Cheap operations are never queued: a small question still gets its answer under load. An
 * operation whose work is already known is refused before any of this when it would be (known-costs.ts).
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getHeapStatistics } from 'node:v8';
import { operationWork, type WorkWeights } from './demand';
import { tooExpensiveMessage } from './known-costs';

/** Per-request accounting, part of the request context. */
export interface Demand {
  work?: number;
  /** Bytes the subgraphs answered for this request so far. */
  bytes: number;
  tooLarge?: boolean;
}
export interface DemandContext {
  demand?: Demand;
}

export class OverloadedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { extensions: { code: 'SERVICE_OVERLOADED', http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } } });
  }
}

export const responseTooLarge = (maxBytes: number) =>
  new GraphQLError(`The answer would be larger than ${maxBytes} bytes; ask for less (fewer aliases, fields or regions)`, {
    extensions: { code: 'RESPONSE_TOO_LARGE' },
  });

/**
 * A counting semaphore with a bounded queue and a bounded wait. The queue is ordered by work: a slot
 * that frees goes to the waiting operation with the least estimated work (the earliest among equals),
 * so a moderately expensive question does not wait behind a row of the most expensive ones.
 */
export class WorkLimiter {
  active = 0;
  private readonly waiting: Array<{ work: number; wake: (granted: boolean) => void }> = [];

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
    readonly maxWaitMs: number,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Every slot taken and the queue full: an expensive operation now would be refused. */
  get full(): boolean {
    return this.active >= this.maxConcurrent && this.waiting.length >= this.maxQueued;
  }

  /** Resolves with a release function, or false when the queue is full or the wait timed out. */
  async acquire(work = 0): Promise<(() => void) | false> {
    if (this.active < this.maxConcurrent) {
      this.active++;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxQueued) return false;
    const ok = await new Promise<boolean>((resolve) => {
      const entry = {
        work,
        wake: (granted: boolean) => {
          clearTimeout(timer);
          resolve(granted);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      }, this.maxWaitMs);
      this.waiting.push(entry);
    });
    return ok ? this.releaser() : false;
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (!this.waiting.length) {
        this.active--;
        return;
      }
      let next = 0;
      for (let i = 1; i < this.waiting.length; i++) if (this.waiting[i]!.work < this.waiting[next]!.work) next = i;
      this.waiting.splice(next, 1)[0]!.wake(true); // the slot passes on; `active` stays the same
    };
  }
}

export interface DemandOptions<T> {
  /** `Type.field` of the aggregates (demand.ts aggregateFields). */
  aggregates: Set<string>;
  weights: WorkWeights;
  maxWork: number;
  expensiveWork: number;
  limiter: WorkLimiter;
  /** Shed expensive operations while the used heap is over this share of its limit (0-1). */
  heapShedRatio: number;
  maxResponseBytes: number;
  retryAfterSeconds: number;
  onShed?: (reason: 'queue' | 'heap') => void;
  /** Told of the work of every operation estimated (known-costs.ts keeps it for later requests). */
  onWork?: (context: T, work: number) => void;
}

export function demandPlugin<T extends DemandContext>(options: DemandOptions<T>): ApolloServerPlugin<T> {
  const heapLimit = getHeapStatistics().heap_size_limit;
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ document, operation, schema, contextValue }) {
          if (!operation) return;
          const work = operationWork(schema, document, operation, options.aggregates, options.weights);
          if (contextValue.demand) contextValue.demand.work = work;
          options.onWork?.(contextValue, work);
          if (work > options.maxWork) {
            throw new GraphQLError(tooExpensiveMessage(work, options.maxWork), {
              extensions: { code: 'QUERY_TOO_EXPENSIVE', work, maxWork: options.maxWork, http: { status: 400 } },
            });
          }
          if (work < options.expensiveWork) return;
          if (getHeapStatistics().used_heap_size > heapLimit * options.heapShedRatio) {
            options.onShed?.('heap');
            throw new OverloadedError('The gateway is busy (memory); try again shortly', options.retryAfterSeconds);
          }
          const granted = await options.limiter.acquire(work);
          if (!granted) {
            options.onShed?.('queue');
            throw new OverloadedError('The gateway is busy with expensive queries; try again shortly', options.retryAfterSeconds);
          }
          release = granted;
        },
        async willSendResponse({ response, contextValue }) {
          release?.();
          release = undefined;
          if (contextValue.demand?.tooLarge && response.body.kind === 'single') {
            response.http.status = 413;
            response.body.singleResult = { errors: [responseTooLarge(options.maxResponseBytes).toJSON()] };
          }
        },
      };
    },
  };
}
