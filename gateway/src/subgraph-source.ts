/**
 * How the gateway talks to a subgraph, through @apollo/gateway's public seams: a `fetcher` (undici's
 * request API on keep-alive connections, far less work per call than a WHATWG fetch), a timeout per
 * attempt, a cap on the bytes a subgraph may answer, and bounded retries of queries (never of
 * mutations) after a network failure, decided from the parsed operation. A failure names the
 * subgraph, never its internal address. A circuit breaker per subgraph (cockatiel): after
 * `breakerFailures` requests in a row that timed out (a hung subgraph; a refused connection already fails at once, and a restarted subgraph is used again at once), the subgraph is
 * not called for `breakerHalfOpenMs`; then one request probes it, and its answer closes the circuit
 * again. So a hung subgraph (a stopped process accepts connections and never answers) costs each
 * request milliseconds, not the timeout. A `fallback` may answer instead while it does not answer.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { getOperationAST, GraphQLError, parse, type DocumentNode, type OperationTypeNode } from 'graphql';
import type { GatewayGraphQLRequest } from '@apollo/server-gateway-interface';
import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { Agent, request } from 'undici';
import { responseTooLarge, type DemandContext } from './shedding';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

export class SubgraphUnavailableError extends GraphQLError {
  /** `timedOut`: the last attempt waited out the timeout (a hung subgraph), the failure the breaker counts. */
  constructor(
    subgraph: string,
    reason: string,
    readonly timedOut = false,
  ) {
    super(`Subgraph "${subgraph}" did not answer (${reason})`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph } });
  }
}

/** A network failure of one attempt (connection refused, reset, timed out): the only kind retried. */
class NetworkFailure extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

export class SubgraphResponseTooLargeError extends GraphQLError {
  constructor(subgraph: string, maxBytes: number) {
    super(`Subgraph "${subgraph}" answered more than ${maxBytes} bytes; ask for less (fewer aliases or fields)`, {
      extensions: { code: 'RESPONSE_TOO_LARGE', subgraph, http: { status: 413 } },
    });
  }
}

/** The type of the operation a subgraph is sent (query, mutation, subscription), from its parsed document. */
export function operationType(document: DocumentNode | undefined, query: string | undefined, operationName?: string | null): OperationTypeNode | undefined {
  const doc = document ?? (query ? parse(query) : undefined);
  return doc ? getOperationAST(doc, operationName ?? undefined)?.operation : undefined;
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/** The fetcher for one subgraph: one attempt, bounded in time and in response bytes. */
export function subgraphFetcher(subgraph: string, timeoutMs: number, maxBytes: number): NonNullable<Fetcher> {
  return async (url, init) => {
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        headers: init?.headers as Record<string, string>,
        body: init?.body as string,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { code?: string };
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      throw new NetworkFailure(timedOut ? `timed out after ${timeoutMs} ms` : (err.code ?? err.name), timedOut);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new SubgraphResponseTooLargeError(subgraph, maxBytes);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      if (e instanceof GraphQLError) throw e;
      throw new NetworkFailure((e as Error & { code?: string }).code ?? (e as Error).name);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const headers = new Headers();
    for (const [k, v] of Object.entries(response.headers)) if (typeof v === 'string') headers.set(k, v);
    const status = response.statusCode;
    const make = () =>
      ({
        size,
        ok: status >= 200 && status < 300,
        status,
        statusText: String(status),
        url,
        redirected: false,
        headers,
        text: async () => text,
        json: async () => JSON.parse(text) as unknown,
        clone: make,
      }) as any;
    return make();
  };
}

export interface SubgraphSourceOptions<TContext extends object> {
  name: string;
  url: string;
  timeoutMs: number;
  retries: number;
  maxResponseBytes: number;
  /** Budget of all subgraph answers of one request together (bytes). */
  maxRequestBytes: number;
  willSendRequest: RemoteGraphQLDataSource<TContext>['willSendRequest'];
  /** Requests in a row without an answer that open the circuit; 0: no breaker. */
  breakerFailures: number;
  /** How long an open circuit refuses before one request probes the subgraph. */
  breakerHalfOpenMs: number;
  /** An answer while the subgraph does not answer (its circuit open included); undefined: the error stands. */
  fallback?: (request: GatewayGraphQLRequest) => GatewayGraphQLResponse | undefined;
  /** Told when the circuit opens, and closes again. */
  onBreakerChange?: (state: 'open' | 'closed') => void;
}

export class SubgraphDataSource<TContext extends Record<string, any> = Record<string, any>> extends RemoteGraphQLDataSource<TContext> {
  private readonly subgraph: string;
  private readonly retries: number;
  private readonly maxRequestBytes: number;
  private readonly breaker?: CircuitBreakerPolicy;
  private readonly fallback?: SubgraphSourceOptions<TContext>['fallback'];
  private readonly openReason: string;

  constructor(options: SubgraphSourceOptions<TContext>) {
    super({ url: options.url, willSendRequest: options.willSendRequest, fetcher: subgraphFetcher(options.name, options.timeoutMs, options.maxResponseBytes) });
    this.subgraph = options.name;
    this.retries = options.retries;
    this.maxRequestBytes = options.maxRequestBytes;
    this.fallback = options.fallback;
    this.openReason = `circuit open after ${options.breakerFailures} requests in a row that timed out; probed again every ${options.breakerHalfOpenMs} ms`;
    if (options.breakerFailures > 0) {
      this.breaker = circuitBreaker(
        handleWhen((e) => e instanceof SubgraphUnavailableError && e.timedOut),
        { halfOpenAfter: options.breakerHalfOpenMs, breaker: new ConsecutiveBreaker(options.breakerFailures) },
      );
      this.breaker.onBreak(() => options.onBreakerChange?.('open'));
      this.breaker.onReset(() => options.onBreakerChange?.('closed'));
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    const demand = (options.context as DemandContext | undefined)?.demand;
    // Once one part of the answer is over budget, the request gets a 413: fetch nothing more for it.
    if (demand?.tooLarge) throw responseTooLarge(this.maxRequestBytes);
    try {
      // While one request probes a half-open circuit, cockatiel would make the others wait for it: fail them fast.
      if (this.breaker?.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
      return this.breaker ? await this.breaker.execute(() => this.attempts(options)) : await this.attempts(options);
    } catch (e) {
      const error = e instanceof BrokenCircuitError ? new SubgraphUnavailableError(this.subgraph, this.openReason) : e;
      const answer = error instanceof SubgraphUnavailableError ? this.fallback?.(options.request) : undefined;
      if (answer) return answer;
      throw error;
    }
  }

  /** The request, retried after a network failure when it is a query. */
  private async attempts(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    const demand = (options.context as DemandContext | undefined)?.demand;
    const document = 'document' in options ? options.document : undefined;
    const type = operationType(document, options.request.query, options.request.operationName);
    const attempts = 1 + (type === 'query' ? this.retries : 0);
    let reason = 'unknown';
    let timedOut = false;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await super.process(options);
      } catch (e) {
        if (e instanceof SubgraphResponseTooLargeError && demand) demand.tooLarge = true;
        if (!(e instanceof NetworkFailure)) throw e;
        reason = e.message;
        timedOut = e.timedOut;
      }
    }
    throw new SubgraphUnavailableError(this.subgraph, reason, timedOut);
  }

  /** The body as JSON, or a clear error naming the subgraph. */
  override async parseBody(
    response: { status: number; size?: number; text: () => Promise<string> },
    _request?: unknown,
    context?: TContext,
  ): Promise<object | string> {
    const demand = (context as DemandContext | undefined)?.demand;
    if (demand && response.size) {
      demand.bytes += response.size;
      if (demand.bytes > this.maxRequestBytes) {
        demand.tooLarge = true;
        throw responseTooLarge(this.maxRequestBytes);
      }
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as object;
    } catch {
      throw new GraphQLError(`Subgraph "${this.subgraph}" answered HTTP ${response.status} without JSON`, {
        extensions: { code: 'SUBGRAPH_INVALID_RESPONSE', subgraph: this.subgraph },
      });
    }
  }

  override async errorFromResponse(response: { status: number; text: () => Promise<string> }): Promise<GraphQLError> {
    const body = await this.parseBody(response);
    return new GraphQLError(`Subgraph "${this.subgraph}" answered HTTP ${response.status}`, {
      extensions: { code: 'SUBGRAPH_HTTP_ERROR', subgraph: this.subgraph, response: { status: response.status, body } },
    });
  }
}
