/** Entry point of the comparison subgraph. */
import 'reflect-metadata';
import { COMPARISON, createLogger, loadConfig, portVar, serve, stopOnSignals } from '@samverkan/shared';
import { buildComparisonSchema } from './subgraph';

async function main() {
  const config = loadConfig(portVar(COMPARISON.code), COMPARISON.port);
  const logger = createLogger(COMPARISON.code, config.LOG_LEVEL);
  const { schema } = await buildComparisonSchema();
  const server = await serve({
    name: COMPARISON.code,
    schema,
    host: config.HOST,
    port: config.port,
    logger,
    production: config.NODE_ENV === 'production',
    context: async (base) => base,
    ready: async () => {},
    secret: config.SUBGRAPH_SECRET,
    // The gateway hands this subgraph every region's required data in one request: it grows with the data.
    bodyLimit: process.env.COMPARISON_BODY_LIMIT || '64mb',
  });
  stopOnSignals(logger, server.stop);
}

main().catch((e) => {
  console.error(`[comparison] failed to start: ${(e as Error).message}`);
  process.exit(1);
});
