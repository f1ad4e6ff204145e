/** One MikroORM instance per subgraph, bound to its own PostgreSQL schema and migrations. */
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import type { Logger } from '../logger';

export interface SubgraphOrmOptions {
  clientUrl: string;
  /** The subgraph's own PostgreSQL schema: everything it creates lives there. */
  schema: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  poolMax?: number;
  logger?: Logger;
  /** Called with every SQL statement the ORM sends (used to count statements per request). */
  onQuery?: (sql: string) => void;
}

export async function initOrm(options: SubgraphOrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 5 },
    // The ORM may start while the database is still coming up: connect lazily, fail per request.
    connect: true,
    debug: options.onQuery ? ['query'] : false,
    logger: (message: string) => {
      if (options.onQuery) options.onQuery(message);
      else options.logger?.debug({ orm: message });
    },
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      silent: true,
      // Migrations are written by hand (each subgraph's src/migrations): no schema snapshot file, ever.
      snapshot: false,
    },
    // The schema generator must never see other subgraphs' schemas (it would DROP them).
    schemaGenerator: { ignoreSchema: [] },
  });
  return orm;
}

/** Runs this subgraph's pending migrations, inside its own schema only. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
