/**
 * Starts a region subgraph: configuration, data validation, its ORM on its own schema, migrations,
 * idempotent data load, the federated schema and the HTTP server. A region's `index.ts` calls this
 * with its own type, resolvers, migrations and data folder.
 */
import type { MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { loadConfig, loadRegionEnv } from './config';
import { DataFileError, displayPath, findSourcesDir, openRegionData, type RegionDataSource } from '@samverkan/contract';
import { buildFederatedSchema } from './federation';
import { regionOwnedResolvers } from './graphql/region-owned';
import type { SubgraphContext } from './graphql/context';
import { createLogger, type Logger } from './logger';
import { DataVersionEntity, REGION_ENTITIES } from './orm/entities';
import { dataVersionOf } from './history/record';
import { initOrm, migrate } from './orm/orm';
import { checkPostgres, POSTGRES_MIN_VERSION_NUM } from './orm/requirements';
import { loadedDataFiles, seedRegion } from './orm/seed';
import { portVar, regionByCode } from '@samverkan/contract';
import { Metrics } from './metrics';
import { serve, stopOnSignals, type RunningServer } from './server';

export interface RegionSubgraphOptions {
  code: string;
  // type-graphql's own type for resolver classes
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: ClassType[];
  dataDir: string;
  migrations: MigrationObject[];
  /** Extra entity schemas the region owns beyond the shared tables. */
  entities?: unknown[];
}

export interface RunningRegion extends RunningServer {
  orm: MikroORM;
  logger: Logger;
}

export async function retry<T>(what: string, fn: () => Promise<T>, logger: Logger, attempts = 30, delayMs = 1000): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      logger.warn({ attempt: i, err: (e as Error).message }, `${what} failed, retrying`);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

export function schemaName(code: string, prefix = ''): string {
  return `${prefix}${code}`;
}

/** The region's federated schema, without a database (also used by `npm run compose`). */
export async function buildRegionSchema(options: RegionSubgraphOptions) {
  const entry = regionByCode(options.code);
  if (!entry) throw new Error(`Region "${options.code}" is not in the registry (contract/src/registry.ts)`);
  const root = { code: entry.code, name: entry.name };
  const owned = regionOwnedResolvers(entry.code);
  return buildFederatedSchema({
    resolvers: [...options.resolvers, ...owned.resolvers] as NonEmptyArray<Function>, // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    orphanedTypes: [...(options.orphanedTypes ?? []), ...owned.orphanedTypes],
    referenceResolvers: {
      [entry.typename]: { __resolveReference: (ref: { code: string }) => (ref.code === entry.code ? root : null) },
      ...owned.referenceResolvers,
    },
  });
}

export async function startRegionSubgraph(options: RegionSubgraphOptions, env: NodeJS.ProcessEnv = process.env): Promise<RunningRegion> {
  const entry = regionByCode(options.code);
  if (!entry) throw new Error(`Region "${options.code}" is not in the registry (contract/src/registry.ts)`);
  const config = loadConfig(portVar(entry.code), entry.port, env);
  const regionEnv = loadRegionEnv(env);
  const logger = createLogger(entry.code, config.LOG_LEVEL);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded PostgreSQL)');

  // Checked before anything reaches PostgreSQL (load.ts: checkRegionData). DATA_DIR serves other data with
  // this region's code (the benchmark's synthetic region, which quotes no document): everything but the
  // quotes and headings is checked there. Never set in production.
  const dataDir = regionEnv.DATA_DIR || options.dataDir;
  // Every file is checked here, one at a time; the rows are read again, file by file, while seeding.
  let data: RegionDataSource | null = null;
  let refused: DataFileError | null = null;
  try {
    data = openRegionData(entry.code, dataDir, regionEnv.DATA_DIR ? { documents: false } : { sourcesDir: findSourcesDir(dataDir, env) });
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    refused = e;
  }
  const schema = schemaName(entry.code, config.DB_SCHEMA_PREFIX);
  const orm = await retry(
    'connecting to PostgreSQL',
    () =>
      initOrm({
        clientUrl: config.DATABASE_URL!,
        schema,
        entities: [...REGION_ENTITIES, ...(options.entities ?? [])] as never,
        migrations: options.migrations,
        poolMax: config.DB_POOL_MAX,
        logger,
      }),
    logger,
  );
  await checkPostgres(orm.em.fork(), { minVersionNum: POSTGRES_MIN_VERSION_NUM });
  const metrics = new Metrics();
  metrics.countSql(orm);
  const applied = await migrate(orm);
  if (data) {
    const seeded = await seedRegion(orm, data);
    logger.info({ schema, migrationsApplied: applied, dataChanged: seeded.changed, historyEntries: seeded.changes, bodies: seeded.bodies }, 'database ready');
  } else {
    // Bad data is never loaded: serve what the schema holds from the last good load, or do not start.
    const served = await loadedDataFiles(orm);
    if (served.length === 0) {
      await orm.close();
      throw new Error(`${refused!.message}\nNothing was loaded into schema "${schema}" before, so there is no good data to serve: not starting.`);
    }
    logger.error(
      {
        schema,
        dataDir: displayPath(dataDir),
        problems: refused!.problems,
        serving: served.map((f) => ({ file: f.file, sha256: f.sha256, loadedAt: f.loadedAt })),
      },
      `DATA REFUSED: ${displayPath(dataDir)} has ${refused!.problems.length} problem(s), so it was not loaded; serving the data loaded on ${served[0]!.loadedAt.toISOString()} instead. ${refused!.problems.join(' | ')}`,
    );
  }

  const { schema: graphqlSchema } = await buildRegionSchema(options);
  const dataVersion = await servedDataVersion(orm);

  const server = await serve<SubgraphContext>({
    name: entry.code,
    schema: graphqlSchema,
    host: config.HOST,
    port: config.port,
    logger,
    production: config.NODE_ENV === 'production',
    context: async ({ requestId, logger: log }) => ({ em: orm.em.fork() as never, logger: log, requestId }),
    ready: async () => {
      await orm.em.getConnection().execute('select 1');
    },
    secret: config.SUBGRAPH_SECRET,
    metrics,
    dataVersion: () => dataVersion,
  });
  const stop = async () => {
    await server.stop();
    await orm.close();
  };
  return { ...server, stop, orm, logger };
}

/**
 * The version of the data this region serves: a hash of the data files loaded into its schema (what
 * is in the database, so every process and replica on it agrees). The comparison syncs on it.
 */
export async function servedDataVersion(orm: MikroORM): Promise<string> {
  return dataVersionOf(await orm.em.fork().find(DataVersionEntity, {}));
}

/** Entry-point helper: start, stop on signals, exit with a clear message on failure. */
export function runRegionSubgraph(options: RegionSubgraphOptions): void {
  startRegionSubgraph(options)
    .then((running) => stopOnSignals(running.logger, running.stop))
    .catch((e) => {
      console.error(`[${options.code}] failed to start: ${(e as Error).message}`);
      process.exit(1);
    });
}
