/** Entry point of the comparison subgraph: its read model (own schema, migrations, sync) and its server. */
// First: tracing (when configured) must be set up before the modules it instruments load.
import '@samverkan/shared/tracing';
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import type { PostgreSqlDriver, SqlEntityManager } from '@mikro-orm/postgresql';
import { COMPARISON, portVar, REGIONS } from '@samverkan/contract';
import {
  checkPostgres,
  createLogger,
  initOrm,
  loadConfig,
  Metrics,
  migrate,
  POSTGRES_MIN_VERSION_NUM,
  retry,
  schemaName,
  serve,
  stopOnSignals,
} from '@samverkan/shared';
import { buildComparisonSchema } from './subgraph';
import { loadComparisonConfig } from './config';
import { READ_MODEL_MIGRATIONS } from './read-model/migrations';
import { NAME_COLLATION } from './read-model/constants';
import { RegionSync } from './read-model/sync';
import { SyncMetrics } from './read-model/sync-metrics';
import { ReadModel } from './read-model/read-model';
import type { ComparisonContext } from './context';

async function main() {
  const config = loadConfig(portVar(COMPARISON.code), COMPARISON.port);
  const own = loadComparisonConfig();
  const logger = createLogger(COMPARISON.code, config.LOG_LEVEL);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (the comparison keeps its read model in PostgreSQL)');
  const schema = schemaName(COMPARISON.code, config.DB_SCHEMA_PREFIX);
  const orm = await retry(
    'connecting to PostgreSQL',
    () => initOrm({ clientUrl: config.DATABASE_URL!, schema, entities: [], migrations: READ_MODEL_MIGRATIONS, poolMax: config.DB_POOL_MAX, logger }),
    logger,
  );
  await checkPostgres(orm.em.fork(), { minVersionNum: POSTGRES_MIN_VERSION_NUM, collations: [NAME_COLLATION.replace(/"/g, '')], extensions: ['pg_trgm'] });
  // Every statement the read model sends, at GET /metrics (knex's query event), as the regions count theirs.
  const metrics = new Metrics();
  metrics.countSql(orm);
  const syncMetrics = new SyncMetrics(
    metrics.registry,
    REGIONS.map((r) => r.code),
    () => sync,
  );
  await migrate(orm);
  const knex = (orm.em as SqlEntityManager<PostgreSqlDriver>).getKnex();
  const sync = new RegionSync({
    knex,
    schema,
    targets: REGIONS.map((r) => ({ code: r.code, url: own.regionUrl(r.code) })),
    intervalMs: own.SYNC_INTERVAL_MS,
    timeoutMs: own.SYNC_TIMEOUT_MS,
    pageSize: own.SYNC_PAGE_SIZE,
    secret: config.SUBGRAPH_SECRET,
    logger,
    onReplaced: (code, seconds, ok) => syncMetrics.replaced(code, seconds, ok),
  });
  const readModel = new ReadModel(knex, schema, sync);
  // One round before serving, so a comparison started after its regions answers complete at once; but
  // not longer than START_SYNC_WAIT_MS: a large region's first sync (about a minute at 50,000 bodies)
  // must not keep the comparison from serving what it holds. Until a region's sync is done, every
  // answer's freshness says it is missing or stale, with the reason; the sync goes on meanwhile.
  const firstRound = await Promise.race([sync.syncAll().then(() => true), delay(own.START_SYNC_WAIT_MS, false, { ref: false })]);
  if (!firstRound)
    logger.warn({ waitedMs: own.START_SYNC_WAIT_MS }, 'serving before the first sync round is done; regions not synced yet are missing or stale in freshness');
  sync.start();
  const { schema: graphqlSchema } = await buildComparisonSchema();
  const server = await serve<ComparisonContext>({
    name: COMPARISON.code,
    schema: graphqlSchema,
    host: config.HOST,
    port: config.port,
    logger,
    production: config.NODE_ENV === 'production',
    context: async (base) => ({ ...base, readModel: readModel.forRequest() }),
    ready: async () => {
      await knex.raw('select 1');
    },
    secret: config.SUBGRAPH_SECRET,
    metrics,
    // Its answers change when it replaces a region's copy, with no restart: the gateway's response
    // cache polls /version, so the data version says so.
    dataVersion: () => sync.fingerprint(),
  });
  stopOnSignals(logger, async () => {
    await sync.stop();
    await server.stop();
    await orm.close();
  });
}

main().catch((e) => {
  console.error(`[comparison] failed to start: ${(e as Error).message}`);
  process.exit(1);
});
