/** Gateway configuration from the environment, validated at start. */
import { z } from 'zod';
import { GATEWAY, portVar } from '@samverkan/contract';
import { loadConfig } from '@samverkan/shared/server';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const GatewaySchema = z.object({
  /** Introspection and the landing page: on in development, off in production unless set. */
  INTROSPECTION: bool.optional(),
  LANDING_PAGE: bool.optional(),
  /** Request body limit (bytes, or e.g. "100kb"). */
  BODY_LIMIT: z.string().default('100kb'),
  ALLOW_BATCHED_REQUESTS: bool.default(false),
  MAX_DEPTH: z.coerce.number().int().positive().default(10),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_TOKENS: z.coerce.number().int().positive().default(3000),
  MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
  MAX_COST: z.coerce.number().int().positive().default(100000),
  /** The supergraph served (default: the committed gateway/supergraph.graphql), re-read every SUPERGRAPH_POLL_MS (0: never). */
  SUPERGRAPH_FILE: z.string().min(1).optional(),
  SUPERGRAPH_POLL_MS: z.coerce.number().int().min(0).default(1000),
  /** Per-attempt timeout of a subgraph request, and retries of queries after a network failure. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
  /** The response cache (on by default): see response-cache.ts for why it stays correct. */
  RESPONSE_CACHE: bool.default(true),
  RESPONSE_CACHE_POLL_MS: z.coerce.number().int().min(100).default(1000),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(1000),
  /** Bound of the response cache in bytes (UTF-8 bytes of the stored answers). */
  RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  /** Largest answer a subgraph may send the gateway (bytes); larger ones fail that subgraph's part. */
  SUBGRAPH_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** Demand control (demand.ts, shedding.ts): the estimated work of one operation, and its weights. */
  MAX_WORK: z.coerce.number().int().positive().default(25_000),
  WORK_PER_AGGREGATE: z.coerce.number().int().min(0).default(100),
  WORK_PER_FANOUT: z.coerce.number().int().min(0).default(1000),
  WORK_LIST_FACTOR: z.coerce.number().int().min(1).default(10),
  WORK_MAX_MULTIPLIER: z.coerce.number().int().min(1).default(100),
  /** Operations with at least this work are expensive: limited in concurrency, shed first. */
  EXPENSIVE_WORK: z.coerce.number().int().positive().default(1000),
  MAX_CONCURRENT_EXPENSIVE: z.coerce.number().int().positive().default(2),
  EXPENSIVE_QUEUE: z.coerce.number().int().min(0).default(16),
  EXPENSIVE_QUEUE_WAIT_MS: z.coerce.number().int().positive().default(5000),
  /** Expensive operations get 503 while the used heap is over this share of the heap limit. */
  HEAP_SHED_RATIO: z.coerce.number().gt(0).max(1).default(0.7),
  /** All subgraph answers of one request together (bytes); over it the request gets 413. */
  MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(2),
  /** Per-client rate limit of requests that reach GraphQL work (cache hits and merged requests are free); 0: off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Express's "trust proxy" (e.g. 1 behind one load balancer), so the client is X-Forwarded-For's. */
  TRUST_PROXY: z.string().default('false'),
  /**
   * Persisted (trusted) documents (persisted-documents.ts): `require` refuses every operation that is
   * not in a manifest (for production); `off` (default) also runs any other operation. The manifests
   * are the *.json files in PERSISTED_DOCUMENTS_DIR (default: gateway/persisted-documents).
   */
  PERSISTED_DOCUMENTS: z.enum(['off', 'require']).default('off'),
  PERSISTED_DOCUMENTS_DIR: z.string().min(1).optional(),
  /** Shared secret the gateway sends to the subgraphs (x-gateway-secret); unset: not sent. */
  SUBGRAPH_SECRET: z.string().min(16).optional().or(z.literal('').transform(() => undefined)),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const base = loadConfig(portVar(GATEWAY.code), GATEWAY.port, env);
  const parsed = GatewaySchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const production = base.NODE_ENV === 'production';
  return {
    ...base,
    ...parsed.data,
    production,
    introspection: parsed.data.INTROSPECTION ?? !production,
    landingPage: parsed.data.LANDING_PAGE ?? !production,
    trustProxy: parseTrustProxy(parsed.data.TRUST_PROXY),
  };
}

/** TRUST_PROXY: true/false, a number of hops, or addresses/subnets (express's "trust proxy"). */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
