/**
 * The gateway: @apollo/gateway inside @apollo/server, serving the committed supergraph (so it starts
 * and serves even when a subgraph is down), with each subgraph's URL overridable from <CODE>_URL.
 * Thin by design: composition, limits, serving. Cross-region logic lives in the comparison subgraph.
 */
// First: Apollo's telemetry off before @apollo/gateway loads (telemetry-off.ts).
import './telemetry-off';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import bytes from 'bytes';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { COMPARISON, GATEWAY, REGIONS, SUBGRAPHS, urlVar } from '@samverkan/contract';
import { createLimitedServer, createLogger, jsonErrorHandler, requireSecret, SECRET_HEADER, type RunningServer } from '@samverkan/shared/server';
import { loadGatewayConfig } from './config';
import { errorPlugin, type RequestContext } from './errors';
import { mediaTypePlugin, responseMediaType } from './media-type';
import { FiniteNumbersRule } from './operation-checks';
import { SubgraphDataSource } from './subgraph-source';
import { registryAnswer } from './registry-fallback';
import { ResponseCache, type CacheContext } from './response-cache';
import { requestIdOfResponse, requestIds } from './request-id';
import { aggregateFields } from './demand';
import { demandPlugin, WorkLimiter, type DemandContext } from './shedding';
import { InFlight } from './inflight';
import { rateLimiter } from './rate-limit';
import { GatewayMetrics, observedOf, type Observed } from './metrics';
import { fileSupergraph } from './supergraph-file';
import { serveWebApps } from './web-apps';
import { PersistedDocuments, persistedDocumentsMiddleware } from './persisted-documents';
import { KnownCosts, type KeyedRequest } from './known-costs';
import { frontDoor, frontDoorParseErrors } from './front-door';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
export const PERSISTED_DOCUMENTS_PATH = join(__dirname, '..', 'persisted-documents');

/** Subgraph URL: <CODE>_URL from the environment, else the routing URL composed into the supergraph. */
export function subgraphUrl(name: string, composedUrl: string | undefined, env: NodeJS.ProcessEnv): string {
  return env[urlVar(name)] || composedUrl || '';
}

export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = loadGatewayConfig(env);
  const logger = createLogger(GATEWAY.code, config.LOG_LEVEL);
  const documentsDir = config.PERSISTED_DOCUMENTS_DIR ?? PERSISTED_DOCUMENTS_PATH;
  const documents = PersistedDocuments.load(documentsDir);
  if (config.PERSISTED_DOCUMENTS === 'require' && documents.size === 0) {
    throw new Error(`PERSISTED_DOCUMENTS=require but ${documentsDir} holds no manifest: the gateway would refuse every operation.`);
  }
  logger.info({ mode: config.PERSISTED_DOCUMENTS, manifests: documents.manifests, documents: documents.size }, 'persisted documents');
  // Live rollout: a new supergraph in the file is taken without a restart (supergraph-file.ts).
  const supergraph = fileSupergraph(config.SUPERGRAPH_FILE ?? SUPERGRAPH_PATH, config.SUPERGRAPH_POLL_MS, logger, () => {
    cache?.invalidate('new supergraph');
    costs.clear();
  });
  const urls = new Map<string, string>();
  type Context = RequestContext & CacheContext & DemandContext & { observed: Observed; costKey?: string };

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    logger,
    buildService: ({ name, url }) => {
      const target = subgraphUrl(name, url, env);
      urls.set(name, target);
      return new SubgraphDataSource<Context>({
        name,
        url: target,
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        retries: config.SUBGRAPH_RETRIES,
        maxResponseBytes: config.SUBGRAPH_MAX_RESPONSE_BYTES,
        maxRequestBytes: config.MAX_RESPONSE_BYTES,
        breakerFailures: config.SUBGRAPH_BREAKER_FAILURES,
        breakerHalfOpenMs: config.SUBGRAPH_BREAKER_HALF_OPEN_MS,
        // The registry fields (regions, region, landscape's regions) do not need the comparison (registry-fallback.ts).
        fallback: name === COMPARISON.code ? registryAnswer : undefined,
        onBreakerChange: (state) =>
          logger[state === 'open' ? 'warn' : 'info'](
            { subgraph: name, circuit: state },
            state === 'open' ? 'subgraph circuit open: failing fast' : 'subgraph circuit closed: answering again',
          ),
        willSendRequest: ({ request, context }) => {
          if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if (config.SUBGRAPH_SECRET) request.http?.headers.set(SECRET_HEADER, config.SUBGRAPH_SECRET);
        },
      });
    },
  });

  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    maxAliases: { n: config.MAX_ALIASES },
    // Token limit through graphql's own parser (below): armor's plugin turns syntax errors into 500s.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.MAX_DIRECTIVES },
    costLimit: { maxCost: config.MAX_COST },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();

  // The subgraphs' /ready and /version answer only requests carrying the secret (when set).
  const metrics = new GatewayMetrics(config.METRICS_MAX_OPERATIONS);
  const subgraphByUrl = new Map<string, string>();
  const secretHeaders: Record<string, string> = config.SUBGRAPH_SECRET ? { [SECRET_HEADER]: config.SUBGRAPH_SECRET } : {};
  const versionUrls = new Map<string, string>();
  const cache = config.RESPONSE_CACHE
    ? new ResponseCache({
        versionUrls,
        pollMs: config.RESPONSE_CACHE_POLL_MS,
        maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES,
        maxBytes: config.RESPONSE_CACHE_MAX_BYTES,
        headers: secretHeaders,
        logger,
        onLookup: (result, hitBytes) => metrics.cacheLookup(result, hitBytes),
      })
    : undefined;

  const limiter = new WorkLimiter(config.MAX_CONCURRENT_EXPENSIVE, config.EXPENSIVE_QUEUE, config.EXPENSIVE_QUEUE_WAIT_MS);
  const costs = new KnownCosts({
    maxWork: config.MAX_WORK,
    expensiveWork: config.EXPENSIVE_WORK,
    limiter,
    heapShedRatio: config.HEAP_SHED_RATIO,
    retryAfterSeconds: config.RETRY_AFTER_SECONDS,
    onRefused: (reason, code) => metrics.knownCostRefusal(reason, code),
  });
  metrics.watch(limiter, () => ({ bytes: cache?.size ?? 0, entries: cache?.count ?? 0 }));
  // Each call to a subgraph, timed by subgraph (the URLs are known once the gateway has started).
  metrics.watchSubgraphCalls((u) => subgraphByUrl.get(u));
  const demand = demandPlugin<Context>({
    aggregates: aggregateFields(supergraph.current()),
    weights: {
      perAggregate: config.WORK_PER_AGGREGATE,
      listFactor: config.WORK_LIST_FACTOR,
      maxMultiplier: config.WORK_MAX_MULTIPLIER,
      regions: REGIONS.length,
    },
    maxWork: config.MAX_WORK,
    expensiveWork: config.EXPENSIVE_WORK,
    limiter,
    heapShedRatio: config.HEAP_SHED_RATIO,
    maxResponseBytes: config.MAX_RESPONSE_BYTES,
    retryAfterSeconds: config.RETRY_AFTER_SECONDS,
    onShed: (reason) => metrics.shed(reason),
    onWork: (context, work) => costs.learn(context.costKey, work),
  });
  const inFlight = new InFlight();

  const app = express();
  // No ETag: hashing every GraphQL answer cost CPU (the benchmark's profile) and no client revalidates POSTs.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = createLimitedServer(app);
  // The front door answers repeated questions and refusals before express (front-door.ts).
  httpServer.removeListener('request', app);
  httpServer.on(
    'request',
    frontDoor(app, {
      path: '/graphql',
      bodyLimit: bytes.parse(config.BODY_LIMIT) ?? 0,
      costs,
      cache,
      metrics,
      mediaTypeOf: responseMediaType,
      inFlight: (mediaType, key) => inFlight.has(mediaType, key),
      logger,
    }),
  );
  const server = new ApolloServer<Context>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    allowBatchedHttpRequests: config.ALLOW_BATCHED_REQUESTS,
    csrfPrevention: true,
    validationRules: [FiniteNumbersRule, ...armor.validationRules],
    parseOptions: { maxTokens: config.MAX_TOKENS },
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      demand, // before errorPlugin: its 413 answer gets the request id too
      errorPlugin(logger, config.production),
      mediaTypePlugin(), // GraphQL over HTTP: the media type the client accepts, and its status codes
      metrics.plugin<Context>(),
      ...(cache ? [cache.plugin()] : []),
    ],
    logger,
  });
  await server.start();
  for (const [name, url] of urls) {
    versionUrls.set(name, url.replace(/\/graphql$/, '/version'));
    subgraphByUrl.set(new URL(url).href, name);
  }
  await cache?.start();

  // The analyst's playground and the dashboard (web-apps.ts), when built.
  serveWebApps(app);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: GATEWAY.code });
  });
  // Like the subgraphs', the gateway's /metrics answers only holders of SUBGRAPH_SECRET when it is set.
  // The supergraph in use, for `npm run schema:check -- --against <gateway URL>` (behind the secret when set).
  app.get('/supergraph', requireSecret(config.SUBGRAPH_SECRET), (_req, res) => {
    res.type('text/plain').send(supergraph.current());
  });
  app.get('/metrics', requireSecret(config.SUBGRAPH_SECRET), async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      SUBGRAPHS.map(async (s) => {
        const url = (urls.get(s.code) ?? '').replace(/\/graphql$/, '/ready');
        try {
          const r = await fetch(url, { headers: secretHeaders, signal: AbortSignal.timeout(2000) });
          return { subgraph: s.code, ready: r.ok };
        } catch {
          return { subgraph: s.code, ready: false };
        }
      }),
    );
    const ready = checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: checks });
  });
  type CachedRequest = express.Request & KeyedRequest & { cacheGeneration?: number };
  app.use(
    '/graphql',
    // First: the request id, so that every answer (a refusal by any layer below included) carries it.
    requestIds(logger),
    metrics.timeRequests(),
    // A body the front door read is parsed already (express.json skips it), or answered as express.json would.
    frontDoorParseErrors(),
    express.json({ limit: config.BODY_LIMIT }),
    // A document id becomes its registered text before the cache keys the request (persisted-documents.ts).
    persistedDocumentsMiddleware(documents, config.PERSISTED_DOCUMENTS),
    costs.keys(),
    // Cache hits, merged requests and refusals by known cost cost (almost) nothing: only requests that do GraphQL work are rate limited.
    ...(cache ? [cache.middleware()] : []),
    inFlight.middleware(),
    costs.middleware(responseMediaType),
    ...(config.RATE_LIMIT_MAX > 0 ? [rateLimiter(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW_MS, (n) => metrics.rateLimited(n))] : []),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const r = req as CachedRequest;
        return {
          requestId: requestIdOfResponse(res),
          cacheKey: cache ? r.cacheKey : undefined,
          cacheGeneration: r.cacheGeneration,
          costKey: r.costKey,
          demand: { bytes: 0 },
          observed: observedOf(res),
        };
      },
    }),
  );
  // Malformed JSON, too large bodies: a clear 4xx in GraphQL's error shape, never a stack trace.
  app.use(jsonErrorHandler(logger, config.BODY_LIMIT));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST}:${port}/graphql`;
  logger.info({ url, production: config.production }, 'gateway ready');
  return {
    url,
    port,
    stop: async () => {
      cache?.stop();
      await server.stop();
    },
  };
}
