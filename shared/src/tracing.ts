/**
 * Distributed tracing with OpenTelemetry: one trace per request from the gateway through every
 * subgraph it calls down to PostgreSQL. The W3C `traceparent` header carries the trace from one
 * service to the next. Spans are exported over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT; with
 * it unset nothing here loads the SDK, starts an exporter or opens a connection.
 *
 * What makes the spans:
 *   - http: the server span of every request a service takes (the caller's `traceparent` is its
 *     parent); the probes and polls (/health, /ready, /version, /metrics) make none;
 *   - express: the route of the request (middleware layers make no spans);
 *   - undici: every call the gateway makes to a subgraph (its fetcher uses undici's request API) and
 *     the comparison's calls to the regions, each with `traceparent` injected; only inside a trace,
 *     so the response cache's /version polls do not each start one;
 *   - @apollo/gateway's own spans (request, plan, execute, fetch), through @opentelemetry/api;
 *   - pg: every SQL statement a subgraph sends inside a request.
 * The resource says which service (`service.name`, from the registry by the entry point's folder)
 * and what the environment, host and process tell; no detector asks a cloud metadata endpoint.
 *
 * Must run before the instrumented modules load: every service's entry point imports
 * `@samverkan/shared/tracing` first (tracing-start.ts).
 */
import { basename, dirname, sep } from 'node:path';
import { GATEWAY, SUBGRAPHS } from '@samverkan/contract/dist/registry';
import { parseEnv, TracingSchema } from './config';

/** The running SDK's shutdown (flushes the spans not exported yet); undefined when tracing is off. */
let shutdown: (() => Promise<void>) | undefined;

/** Requests that make no span: probes and polls, many a second, part of no user's request. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/version', '/metrics']);

/** The registry code of the service whose entry point is `mainFile` (`<dir>/dist/index.js`). */
export function serviceOfEntryPoint(mainFile: string | undefined): string | undefined {
  if (!mainFile || basename(dirname(mainFile)) !== 'dist') return undefined;
  const dir = dirname(dirname(mainFile));
  return [...SUBGRAPHS, GATEWAY].find((s) => dir.endsWith(`${sep}${s.dir.split('/').join(sep)}`))?.code;
}

/** Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set; true when it did. */
export function startTracing(env: NodeJS.ProcessEnv = process.env, mainFile = require.main?.filename): boolean {
  const config = parseEnv(TracingSchema, env);
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT || shutdown) return Boolean(shutdown);
  // Loaded only here: with tracing off, no module of the SDK is loaded at all.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  shutdown = startSdk({
    service: config.OTEL_SERVICE_NAME ?? serviceOfEntryPoint(mainFile) ?? 'samverkan-graph',
    untraced: (path) => UNTRACED_PATHS.has(path),
  });
  return true;
}

/** Exports the spans still buffered and stops the SDK (within `timeoutMs`); nothing when tracing is off. */
export async function stopTracing(timeoutMs = 2000): Promise<void> {
  if (!shutdown) return;
  const done = shutdown();
  shutdown = undefined;
  await Promise.race([done.catch(() => {}), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
}
