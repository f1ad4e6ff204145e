/**
 * `@samverkan/shared/tracing`: imported first by every service's entry point, before the modules
 * tracing instruments (http, express, undici, pg) load. Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (tracing.ts); a bad tracing variable stops the service with a message naming it.
 */
import { startTracing } from './tracing';

try {
  startTracing();
} catch (e) {
  console.error(`failed to start: ${(e as Error).message}`);
  process.exit(1);
}
