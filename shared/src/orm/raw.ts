/**
 * A statement whose parameters PostgreSQL binds, in the EntityManager's transaction. The ORM's
 * `execute` inlines every parameter into the SQL text, escaped character by character: for the load's
 * JSON parameters (a chunk of 1,000 facts) that was most of a load's time and garbage.
 */
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

export async function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const result = (await knex.raw(sql, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}
