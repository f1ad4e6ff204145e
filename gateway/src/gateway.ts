/**
 * The gateway: @apollo/gateway inside @apollo/server, serving the committed supergraph (so it starts
 * and serves even when a subgraph is down), with each subgraph's URL overridable from <CODE>_URL.
 * Thin by design: composition, limits, serving. Cross-region logic lives in the comparison subgraph.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger, GATEWAY, loadConfig, portVar, SUBGRAPHS, urlVar, type RunningServer } from '@samverkan/shared';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

interface GatewayContext { requestId: string }

/** Subgraph URL: <CODE>_URL from the environment, else the routing URL composed into the supergraph. */
export function subgraphUrl(name: string, composedUrl: string | undefined, env: NodeJS.ProcessEnv): string {
  return env[urlVar(name)] || composedUrl || '';
}

export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = loadConfig(portVar(GATEWAY.code), GATEWAY.port, env);
  const logger = createLogger(GATEWAY.code, config.LOG_LEVEL);
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const urls = new Map<string, string>();

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const target = subgraphUrl(name, url, env);
      urls.set(name, target);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url: target,
        willSendRequest: ({ request, context }) => {
          if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: config.NODE_ENV !== 'production',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    logger,
  });
  await server.start();

  app.get('/health', (_req, res) => { res.json({ status: 'ok', service: GATEWAY.code }); });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(SUBGRAPHS.map(async (s) => {
      const url = (urls.get(s.code) ?? '').replace(/\/graphql$/, '/ready');
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
        return { subgraph: s.code, ready: r.ok };
      } catch {
        return { subgraph: s.code, ready: false };
      }
    }));
    const ready = checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: checks });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server, {
    context: async ({ req }) => {
      const header = req.headers['x-request-id'];
      return { requestId: typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID() };
    },
  }));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST}:${port}/graphql`;
  logger.info({ url }, 'gateway ready');
  return { url, port, stop: () => server.stop() };
}
