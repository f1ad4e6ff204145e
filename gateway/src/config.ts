/** Gateway configuration from the environment, validated at start. */
import { z } from 'zod';
import { GATEWAY, loadConfig, portVar } from '@samverkan/shared';

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
  };
}
