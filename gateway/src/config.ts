/**
 * Gateway configuration from the environment, validated at start (a bad value names the variable).
 * The descriptions are the configuration reference's (docs/CONFIGURATION.md, `npm run generate`).
 */
import { z } from 'zod';
import { GATEWAY, portVar, SUBGRAPHS, urlVar } from '@samverkan/contract';
import { envBoolean as bool, envByteSize, envSecret, loadConfig, parseEnv } from '@samverkan/shared/server';

const int = () => z.coerce.number().int();

export const GatewaySchema = z.object({
  INTROSPECTION: bool.optional().describe('GraphQL introspection; unset: on in development, off in production'),
  LANDING_PAGE: bool.optional().describe("Apollo's landing page at /graphql; unset: on in development, off in production"),
  BODY_LIMIT: envByteSize.default('100kb').describe('largest request body (bytes, or with a unit: 100kb, 1mb); larger: 413'),
  ALLOW_BATCHED_REQUESTS: bool.default(false).describe('accept a JSON array of operations in one request'),
  MAX_DEPTH: int().positive().default(10).describe('deepest selection nesting (graphql-armor)'),
  MAX_ALIASES: int().positive().default(15).describe('aliases per operation (graphql-armor)'),
  MAX_TOKENS: int().positive().default(3000).describe("lexical tokens per operation (graphql's parser)"),
  MAX_DIRECTIVES: int().positive().default(20).describe('directives per operation (graphql-armor)'),
  MAX_COST: int()
    .positive()
    .default(100000)
    .describe(
      "graphql-armor's static cost of the operation's text: a scalar field costs 1, a field with a selection 2 plus 1.5 × the cost of each field in it, times its `first`/`last` argument; MAX_WORK is the finer estimate",
    ),
  SUPERGRAPH_FILE: z.string().min(1).optional().describe('the supergraph served; unset: the committed gateway/supergraph.graphql'),
  SUPERGRAPH_POLL_MS: int().min(0).default(1000).describe('how often the supergraph file is re-read (0: never); a new one is swapped in without a restart'),
  SUBGRAPH_TIMEOUT_MS: int().positive().default(5000).describe('timeout of one attempt of a subgraph request'),
  SUBGRAPH_RETRIES: int().min(0).max(3).default(1).describe('retries of a query after a network failure of a subgraph'),
  SUBGRAPH_BREAKER_FAILURES: int()
    .min(0)
    .default(3)
    .describe(
      'requests in a row to a subgraph that time out (a hung subgraph; a refused connection fails at once anyway) before its circuit opens and it is failed fast; 0: no circuit breaker',
    ),
  SUBGRAPH_BREAKER_HALF_OPEN_MS: int().positive().default(5000).describe('how long an open circuit fails fast before one request probes the subgraph again'),
  RESPONSE_CACHE: bool.default(true).describe('the response cache of complete answers (see docs/OPERATIONS.md)'),
  RESPONSE_CACHE_POLL_MS: int().min(100).default(1000).describe("how often the subgraphs' /version is polled; a change drops the cache"),
  RESPONSE_CACHE_MAX_ENTRIES: int().positive().default(1000).describe('answers the cache holds at most'),
  RESPONSE_CACHE_MAX_BYTES: int()
    .positive()
    .default(32 * 1024 * 1024)
    .describe('UTF-8 bytes of the answers the cache holds at most'),
  SUBGRAPH_MAX_RESPONSE_BYTES: int()
    .positive()
    .default(16 * 1024 * 1024)
    .describe('largest answer one subgraph may send; larger: that part fails, the request gets 413'),
  MAX_WORK: int().positive().default(25_000).describe('estimated work of an operation (gateway/src/demand.ts) over this: 400 QUERY_TOO_EXPENSIVE'),
  WORK_PER_AGGREGATE: int().min(0).default(100).describe('work added per aggregate field of Landscape selected'),
  WORK_LIST_FACTOR: int().min(1).default(10).describe('how many times a list field counts (a list of regions: the number of regions)'),
  WORK_MAX_MULTIPLIER: int().min(1).default(100).describe('bound of the multiplier of nested lists'),
  EXPENSIVE_WORK: int().positive().default(1000).describe('operations with at least this work are expensive: limited in concurrency, shed first'),
  MAX_CONCURRENT_EXPENSIVE: int().positive().default(2).describe('expensive operations running at once per gateway process'),
  EXPENSIVE_QUEUE: int().min(0).default(16).describe('expensive operations that may wait for a slot; beyond: 503'),
  EXPENSIVE_QUEUE_WAIT_MS: int().positive().default(5000).describe('how long an expensive operation may wait for a slot; then 503'),
  HEAP_SHED_RATIO: z.coerce.number().gt(0).max(1).default(0.7).describe('expensive operations get 503 while the used heap is over this share of its limit'),
  MAX_RESPONSE_BYTES: int()
    .positive()
    .default(8 * 1024 * 1024)
    .describe('all subgraph answers of one request together; over it: 413 RESPONSE_TOO_LARGE'),
  RETRY_AFTER_SECONDS: int().positive().default(2).describe('Retry-After of a 503'),
  RATE_LIMIT_MAX: int()
    .min(0)
    .default(1200)
    .describe('requests per client and window that reach GraphQL work (cache hits, merged requests and refusals by known cost are free); over it: 429; 0: off'),
  RATE_LIMIT_WINDOW_MS: int().positive().default(60_000).describe("the rate limit's window"),
  TRUST_PROXY: z
    .string()
    .default('false')
    .describe('express\'s "trust proxy": true/false, a number of hops (1 behind one load balancer) or addresses, so the client is X-Forwarded-For\'s'),
  PERSISTED_DOCUMENTS: z
    .enum(['off', 'require'])
    .default('off')
    .describe(
      'persisted (trusted) documents: require runs only operations registered in a manifest, refusing the rest with 400 (production); off runs any (see docs/OPERATIONS.md)',
    ),
  PERSISTED_DOCUMENTS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('the folder of the persisted documents manifests (*.json, one per client); unset: gateway/persisted-documents'),
  ALLOW_APOLLO_TELEMETRY: bool
    .default(false)
    .describe(
      "opt in to Apollo's anonymous telemetry of @apollo/gateway (cloud metadata probes, metrics sent to Apollo); off: APOLLO_TELEMETRY_DISABLED=true is set in the gateway's process before @apollo/gateway loads",
    ),
  METRICS_MAX_OPERATIONS: int()
    .min(0)
    .default(100)
    .describe('distinct operation names /metrics labels durations with; later names are counted as (other), nameless ones as (anonymous)'),
  SUBGRAPH_SECRET: envSecret.describe('the shared secret the gateway sends to the subgraphs (x-gateway-secret); also guards its own /metrics and /supergraph'),
});

/** Where the gateway reaches each subgraph: `<CODE>_URL`, else the routing URL composed into the supergraph. */
export const GatewayUrlsSchema = z.object(
  Object.fromEntries(
    SUBGRAPHS.map((s) => [
      urlVar(s.code),
      z.string().url().optional().describe(`GraphQL URL of the ${s.code} subgraph; unset: the supergraph's routing URL (http://127.0.0.1:${s.port}/graphql)`),
    ]),
  ),
);

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const base = loadConfig(portVar(GATEWAY.code), GATEWAY.port, env);
  const gateway = parseEnv(GatewaySchema, env);
  parseEnv(GatewayUrlsSchema, env); // a malformed URL stops the gateway here, naming the variable
  const production = base.NODE_ENV === 'production';
  return {
    ...base,
    ...gateway,
    production,
    introspection: gateway.INTROSPECTION ?? !production,
    landingPage: gateway.LANDING_PAGE ?? !production,
    trustProxy: parseTrustProxy(gateway.TRUST_PROXY),
  };
}

/** TRUST_PROXY: true/false, a number of hops, or addresses/subnets (express's "trust proxy"). */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
