/** Configuration from the environment, validated once at start-up with a clear message. */
import { z } from 'zod';

const ServiceConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** Prefix for PostgreSQL schema names, so two deployments (e.g. tests) can share one database. */
  DB_SCHEMA_PREFIX: z.string().regex(/^([a-z][a-z0-9_]*)?$/).default(''),
  DB_POOL_MAX: z.coerce.number().int().positive().default(5),
  /** Shared secret: when set, a subgraph answers only requests from the gateway (x-gateway-secret). */
  SUBGRAPH_SECRET: z.string().min(16).optional().or(z.literal('').transform(() => undefined)),
});

export type ServiceConfig = z.infer<typeof ServiceConfigSchema> & { port: number };

export function loadConfig(portVarName: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = ServiceConfigSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${details}`);
  }
  const rawPort = env[portVarName];
  const port = rawPort === undefined || rawPort === '' ? defaultPort : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid configuration: ${portVarName}=${rawPort} is not a port`);
  return { ...parsed.data, port };
}

/**
 * Limits of every service's HTTP server, set explicitly rather than left to Node's defaults: how long
 * a client may take to send its headers and its whole request, how long an idle keep-alive
 * connection stays open, and how many connections are open at once (more are refused).
 */
const HttpLimitsSchema = z.object({
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(1024),
});

export type HttpLimits = z.infer<typeof HttpLimitsSchema>;

export function loadHttpLimits(env: NodeJS.ProcessEnv = process.env): HttpLimits {
  const parsed = HttpLimitsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
