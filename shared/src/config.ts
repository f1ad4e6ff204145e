/**
 * Configuration from the environment, validated once at start-up with a clear message naming the
 * variable. The schemas here (and the gateway's, the comparison's, npm start's) are also the source of
 * docs/CONFIGURATION.md and .env.example (`npm run generate`): every variable has its description here.
 */
import { z } from 'zod';

/** true/false (or 1/0) in the environment. */
export const envBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A byte size as express's body parser takes it: a number of bytes, or with a unit ("100kb", "1.5mb"). */
export const envByteSize = z.string().regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'a size in bytes, or with a unit: b, kb, mb, gb (e.g. 100kb)');

/** A secret: unset or empty means none; set, at least 16 characters. */
export const envSecret = z
  .string()
  .min(16)
  .optional()
  .or(z.literal('').transform(() => undefined));

/**
 * Parses `env` with `schema`; an empty value counts as unset (its default applies). A bad value throws
 * "Invalid configuration: NAME=value: message", one such part per bad variable.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => {
    const name = i.path.join('.');
    const value = env[name];
    return `${name}${value === undefined ? '' : `=${/SECRET|PASSWORD/.test(name) ? '***' : value}`}: ${i.message}`;
  });
  throw new Error(`Invalid configuration: ${details.join('; ')}`);
}

export const ServiceConfigSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('production: internal errors masked, no stack traces, introspection and landing page off (gateway), JSON logs'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe('json: one JSON object per line; pretty: one coloured line per entry. Unset: pretty in a terminal, JSON otherwise and in production'),
  HOST: z.string().default('127.0.0.1').describe('address the service listens on (0.0.0.0 in containers)'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL of the region subgraphs and the comparison (its read model); unset for npm start: the embedded PostgreSQL'),
  DB_SCHEMA_PREFIX: z
    .string()
    .regex(/^([a-z][a-z0-9_]*)?$/, 'lower-case letters, digits and _, starting with a letter')
    .default('')
    .describe('prefix of the PostgreSQL schema names, so two deployments (e.g. the tests: test_) can share one database'),
  DB_POOL_MAX: z.coerce.number().int().positive().default(5).describe('PostgreSQL connections per service process'),
  SUBGRAPH_SECRET: envSecret.describe(
    'shared secret (16+ characters, the same everywhere): subgraphs answer only requests carrying it in x-gateway-secret, which the gateway sends',
  ),
});

export type ServiceConfig = z.infer<typeof ServiceConfigSchema> & { port: number };

/** The port variable of a service (`<CODE>_PORT`): 0 (any free port) to 65535. */
export const portSchema = (name: string, defaultPort: number) =>
  z.object({ [name]: z.coerce.number().int().min(0).max(65535).default(defaultPort).describe('port the service listens on') });

export function loadConfig(portVarName: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const base = parseEnv(ServiceConfigSchema, env);
  const port = parseEnv(portSchema(portVarName, defaultPort), env)[portVarName] as number;
  return { ...base, port };
}

/**
 * Limits of every service's HTTP server, set explicitly rather than left to Node's defaults: how long
 * a client may take to send its headers and its whole request, how long an idle keep-alive
 * connection stays open, and how many connections are open at once (more are refused).
 */
export const HttpLimitsSchema = z.object({
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000).describe('a client must send its headers within this'),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000).describe('... and its whole request within this (else 408)'),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000).describe('idle keep-alive connections close after this'),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(1024).describe('open connections at once; more are refused'),
});

export type HttpLimits = z.infer<typeof HttpLimitsSchema>;

export function loadHttpLimits(env: NodeJS.ProcessEnv = process.env): HttpLimits {
  return parseEnv(HttpLimitsSchema, env);
}

/** What only a region subgraph reads. */
export const RegionEnvSchema = z.object({
  DATA_DIR: z
    .string()
    .min(1)
    .optional()
    .describe("data folder to load instead of the region's own data/ (the benchmark's synthetic data: its quotes and headings are not checked)"),
  SOURCES_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('folder of the source documents; unset: docs/sources/ at or above the data folder (/app/docs/sources in the image)'),
});

export function loadRegionEnv(env: NodeJS.ProcessEnv = process.env): z.infer<typeof RegionEnvSchema> {
  return parseEnv(RegionEnvSchema, env);
}

/**
 * Tracing (OpenTelemetry, shared/src/tracing.ts): on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. The
 * other variables are OpenTelemetry's own, read by its SDK; they are checked here so a typo stops the
 * service at start rather than being ignored.
 */
export const TracingSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url()
    .optional()
    .describe('OTLP/HTTP collector (e.g. http://127.0.0.1:4318; spans go to <it>/v1/traces as JSON). Unset: tracing is off, no OpenTelemetry SDK is loaded'),
  OTEL_SERVICE_NAME: z
    .string()
    .min(1)
    .optional()
    .describe("service.name of the spans; unset: the service's code in the registry (gateway, orebro, ..., comparison)"),
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .default('parentbased_always_on')
    .describe("which requests are traced (OpenTelemetry's sampler); parentbased_*: a request that arrives with a traceparent follows its caller's decision"),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional().describe('the ratio of the traceidratio samplers (0-1)'),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().default(5000).describe('milliseconds between two exports of finished spans'),
});
