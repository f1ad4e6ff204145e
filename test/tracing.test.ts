/**
 * Tracing (OpenTelemetry): one request is one trace from the gateway through the subgraphs it calls
 * down to PostgreSQL, continuing the `traceparent` the client sent. A gateway, the comparison and a
 * region (the first in the registry) run here with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an
 * OTLP/HTTP receiver in this test (a node:http server taking the exporter's JSON); the other regions
 * are the test federation's. And with the variable unset, no OpenTelemetry module is even loaded.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPARISON, GATEWAY, portVar, REGIONS } from '../contract/src/registry';
import { dropSchemas, eventually } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const REGION = REGIONS[0]!;
const PREFIX = 'tracing_';
const PORTS = { receiver: testPort(16290), gateway: testPort(16200), region: testPort(16201), comparison: testPort(16205) };
const url = (port: number) => `http://127.0.0.1:${port}/graphql`;

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}
const received: ReceivedSpan[] = [];
const paths: string[] = [];

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };
const attributes = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue ?? a.value.doubleValue]));

/** The exporter's ExportTraceServiceRequest (OTLP/HTTP JSON: ids in hex) as flat spans. */
function receive(body: { resourceSpans?: Array<{ resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: Array<{ spans?: any[] }> }> }): void {
  for (const rs of body.resourceSpans ?? []) {
    const service = String(attributes(rs.resource?.attributes)['service.name']);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        received.push({
          service,
          traceId: s.traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId ?? '',
          name: s.name,
          kind: s.kind,
          attributes: attributes(s.attributes),
        });
      }
    }
  }
}

const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
    try {
      receive(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch {
      res.writeHead(400).end();
    }
  });
});

const services = new Services();
const env = (extra: Record<string, string>) =>
  testServiceEnv(
    PREFIX,
    { [REGION.code]: url(PORTS.region), [COMPARISON.code]: url(PORTS.comparison) },
    { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${PORTS.receiver}`, OTEL_BSP_SCHEDULE_DELAY: '100', ...extra },
  );

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(PORTS.receiver, '127.0.0.1', resolve));
  await dropSchemas(inject('databaseUrl'), [`${PREFIX}${REGION.code}`, `${PREFIX}${COMPARISON.code}`]);
  const timeoutMs = 150_000; // a loaded machine
  await services.start(`subgraphs/${REGION.code}`, PORTS.region, env({ [portVar(REGION.code)]: String(PORTS.region) }), { timeoutMs });
  await services.start(COMPARISON.dir, PORTS.comparison, env({ [portVar(COMPARISON.code)]: String(PORTS.comparison) }), { timeoutMs });
  // With its response cache, which polls every subgraph's /version each second.
  await services.start(GATEWAY.dir, PORTS.gateway, env({ [portVar(GATEWAY.code)]: String(PORTS.gateway), RESPONSE_CACHE: 'true' }), { timeoutMs });
}, 480_000);

afterAll(async () => {
  await services.stopAll();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('a traced request', () => {
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  const query = `query Traced { ${REGION.code} { bodies(first: 2) { id } } landscape { freshness { regionCode } } }`;

  it('is one trace across the gateway, the comparison and a region, down to PostgreSQL', async () => {
    const res = await fetch(url(PORTS.gateway), {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpanId}-01` },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data![REGION.code].bodies).toHaveLength(2);

    const SERVER = 2;
    const CLIENT = 3;
    const ofTrace = () => received.filter((s) => s.traceId === traceId);
    // Every span is in once the services' batches are exported (each service exports on its own).
    await eventually(async () => {
      const spans = ofTrace();
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      expect(new Set(spans.map((s) => s.service))).toEqual(new Set([GATEWAY.code, COMPARISON.code, REGION.code]));
      // The gateway's server span continues the caller's span.
      expect(spans.find((s) => s.service === GATEWAY.code && s.kind === SERVER)?.parentSpanId).toBe(callerSpanId);
      // Each subgraph's server span is the child of the gateway's call to it (traceparent propagated),
      // and the SQL it sent is in the trace.
      for (const [code, port] of [
        [REGION.code, PORTS.region],
        [COMPARISON.code, PORTS.comparison],
      ] as const) {
        const server = spans.find((s) => s.service === code && s.kind === SERVER);
        const parent = byId.get(server?.parentSpanId ?? '');
        expect(parent, `${code}'s server span has the gateway's call as its parent`).toMatchObject({ service: GATEWAY.code, kind: CLIENT });
        expect(parent!.attributes['url.full']).toBe(url(port));
        expect(
          spans.some((s) => s.service === code && s.attributes['db.system.name'] === 'postgresql'),
          `${code}: a PostgreSQL span`,
        ).toBe(true);
      }
    }, 20_000);
    const spans = ofTrace();
    // @apollo/gateway's own spans are in the same trace.
    expect(spans.filter((s) => s.service === GATEWAY.code).map((s) => s.name)).toEqual(
      expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']),
    );
    // Exported as OTLP/HTTP JSON to <endpoint>/v1/traces.
    expect(new Set(paths)).toEqual(new Set(['POST /v1/traces application/json']));
  });

  it('makes no spans of the probes and polls (/health, /version, /metrics)', async () => {
    for (const port of [PORTS.gateway, PORTS.region]) for (const path of ['/health', '/metrics']) await fetch(`http://127.0.0.1:${port}${path}`);
    await new Promise((r) => setTimeout(r, 500));
    // The gateway's response cache polls every subgraph's /version each second: none of that is traced.
    const probes = received.filter((s) =>
      /\/(health|ready|version|metrics)\b/.test(String(s.attributes['url.path'] ?? s.attributes['url.full'] ?? s.attributes['http.target'] ?? '')),
    );
    expect(probes).toEqual([]);
  });
});

describe('with OTEL_EXPORTER_OTLP_ENDPOINT unset', () => {
  it('loads no OpenTelemetry SDK module', () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', 'shared', 'dist', 'tracing-start.js'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('@opentelemetry') || k.includes('tracing-sdk'))));`;
    const { OTEL_EXPORTER_OTLP_ENDPOINT: _unset, ...rest } = process.env;
    const run = spawnSync(process.execPath, ['-e', script], { env: rest, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('a bad tracing variable stops the service, naming it', () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', 'shared', 'dist', 'tracing-start.js'))});`;
    const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/OTEL_EXPORTER_OTLP_ENDPOINT=not a url/);
  });
});
