/**
 * The HTTP side every subgraph shares: Apollo Server on express, `/graphql`, `/health` (the
 * process is up) and `/ready` (its database answers), a request id taken from the gateway's
 * `x-request-id` header (or made here), explicit HTTP timeouts and a connection cap, and graceful
 * shutdown. With a secret, `/graphql`, `/ready`, `/metrics` and `/version` answer only the gateway
 * (and probes that hold the secret); `/health` says nothing but "up".
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { formatSubgraphError, jsonErrorHandler } from './http-errors';
import { Metrics } from './metrics';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Logger } from './logger';
import { loadHttpLimits, type HttpLimits } from './config';
import { stopTracing } from './tracing';

export interface ServeOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  logger: Logger;
  production: boolean;
  /** Builds the per-request context (fork the EntityManager here). */
  context: (base: { requestId: string; logger: Logger }) => Promise<TContext>;
  /** Readiness check: resolves when dependencies (the database) answer. */
  ready: () => Promise<void>;
  /** When set, /graphql answers only requests carrying it in x-gateway-secret (from the gateway). */
  secret?: string;
  metrics?: Metrics;
  /** Request body limit; the comparison subgraph receives every region's required data in one body. */
  bodyLimit?: string;
  /**
   * The version of the data this service answers from: a content hash, the same in every process and
   * replica that serves the same data (GET /version, beside `version`).
   */
  dataVersion?: () => string | undefined;
}

export const SECRET_HEADER = 'x-gateway-secret';

export function requireSecret(secret: string | undefined) {
  const expected = secret ? Buffer.from(secret) : undefined;
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!expected) return next();
    const given = Buffer.from(String(req.headers[SECRET_HEADER] ?? ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.status(401).json({ errors: [{ message: 'This subgraph answers the gateway only', extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}

/**
 * An HTTP server with the limits set (every service creates its server here): timeouts for headers,
 * the whole request and idle keep-alive connections, checked every second, and a connection cap.
 */
export function createLimitedServer(app: express.Express, limits: HttpLimits = loadHttpLimits()): Server {
  const server = createServer(
    {
      headersTimeout: limits.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: limits.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, limits.HTTP_HEADERS_TIMEOUT_MS),
    },
    app,
  );
  server.maxConnections = limits.HTTP_MAX_CONNECTIONS;
  return server;
}

export interface RunningServer {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export async function serve<TContext extends object>(options: ServeOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createLimitedServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatSubgraphError(options.production),
    // No per-field hooks: subgraphs send no cache hints or traces (the gateway has its own response cache).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    logger: options.logger,
  });
  await apollo.start();

  const metrics = options.metrics ?? new Metrics();
  metrics.setService(options.name);
  const gatewayOnly = requireSecret(options.secret);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  // `version` changes exactly when what this service answers may change: its schema or its data. Two
  // replicas with the same schema and data agree on it, so caches keyed on it agree too.
  const schemaHash = createHash('sha256').update(printSchema(options.schema)).digest('hex').slice(0, 12);
  app.get('/version', gatewayOnly, (_req, res) => {
    const dataVersion = options.dataVersion?.();
    res.json({ service: options.name, version: `${schemaHash}:${dataVersion ?? ''}`, dataVersion });
  });
  app.get('/metrics', gatewayOnly, async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });
  app.get('/ready', gatewayOnly, async (_req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready', service: options.name });
    } catch (e) {
      // The detail (it may name the database's address) goes to the log only.
      options.logger.warn({ err: (e as Error).message }, 'not ready');
      res.status(503).json({ status: 'unavailable', service: options.name, reason: 'a dependency (the database) does not answer' });
    }
  });
  app.use(
    '/graphql',
    gatewayOnly,
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        metrics.requestServed();
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return options.context({ requestId, logger: options.logger.child({ requestId }) });
      },
    }),
  );

  app.use(jsonErrorHandler(options.logger, options.bodyLimit ?? '1mb'));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} ready`);
  return {
    url,
    port,
    stop: async () => {
      await apollo.stop();
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM: in-flight requests finish, then `cleanup` runs. */
export function stopOnSignals(logger: Logger, cleanup: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    cleanup()
      .then(() => stopTracing()) // the spans still buffered are exported first
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => handler('SIGINT'));
  process.once('SIGTERM', () => handler('SIGTERM'));
}
