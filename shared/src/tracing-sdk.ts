/**
 * The OpenTelemetry SDK as the services run it (tracing.ts loads this module only when tracing is on):
 * a Node tracer provider exporting in batches over OTLP/HTTP, W3C trace context propagation, and the
 * instrumentations of the libraries a request passes through.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResources, envDetector, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface SdkOptions {
  /** service.name, unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise. */
  service: string;
  /** Incoming requests to these paths make no span. */
  untraced: (path: string) => boolean;
}

/** Starts the SDK; resolves the returned function's promise once the buffered spans are exported. */
export function startSdk(options: SdkOptions): () => Promise<void> {
  // Only detectors that read the environment, the host and the process: none calls out.
  const resource = resourceFromAttributes({ 'service.name': options.service, 'service.namespace': 'samverkan-graph' }).merge(
    detectResources({ detectors: [envDetector, hostDetector, processDetector] }),
  );
  const provider = new NodeTracerProvider({
    resource,
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_EXPORTER_OTLP_HEADERS) itself.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The global tracer provider, the AsyncLocalStorage context manager, W3C traceparent and baggage.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => options.untraced((req.url ?? '').split('?')[0]!), requireParentforOutgoingSpans: true }),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return async () => {
    unregister();
    await provider.shutdown();
  };
}
