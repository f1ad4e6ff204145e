/**
 * The comparison read model's SQL helper (subgraphs/comparison/src/read-model/sql.ts), through knex on
 * the real PostgreSQL: every value arrives where its template writes it, whatever pieces surround it;
 * a `?` of the SQL itself stays an operator (knex would otherwise take it for a value); identifiers
 * are quoted by the one helper, double quotes and all.
 */
import { randomUUID } from 'node:crypto';
import { knex } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { join, quoteIdent, raw, rows, sql, tableOf } from '../subgraphs/comparison/src/read-model/sql';

const db = knex({ client: 'pg', connection: inject('databaseUrl'), pool: { min: 0, max: 1 } });
afterAll(() => db.destroy());

describe('read-model SQL templates', () => {
  it('put each value where it is written, nested pieces included', async () => {
    const conditions = [sql`${'b'} = any(${['a', 'b']}::text[])`, sql`${3} > ${2}`];
    const r = await rows<{ text: string; n: number; list: number[]; ok: boolean }>(
      db,
      sql`select ${'a'}::text as text, ${7}::int as n, ${[1, 2]}::int[] as list, ${join(conditions, ' and ')} as ok`,
    );
    expect(r).toEqual([{ text: 'a', n: 7, list: [1, 2], ok: true }]);
  });

  it("keep PostgreSQL's ? operators, also right before a value", async () => {
    const doc = JSON.stringify({ k: 1 });
    const r = await rows<{ has: boolean; either: boolean; next: boolean }>(
      db,
      sql`select ${doc}::jsonb ? 'k' as has, ${doc}::jsonb ?| ${['x', 'k']}::text[] as either, ${doc}::jsonb ?${'k'} as next`,
    );
    expect(r).toEqual([{ has: true, either: true, next: true }]);
  });

  it('quote identifiers: a schema whose name has a double quote', async () => {
    const schema = `test_sql"quote_${randomUUID().slice(0, 8)}`;
    await rows(db, sql`create schema ${raw(quoteIdent(schema))}`);
    try {
      await rows(db, sql`create table ${tableOf(schema, 'item')} (id text)`);
      await rows(db, sql`insert into ${tableOf(schema, 'item')} values (${'x'})`);
      expect(await rows<{ id: string }>(db, sql`select id from ${tableOf(schema, 'item')}`)).toEqual([{ id: 'x' }]);
    } finally {
      await rows(db, sql`drop schema ${raw(quoteIdent(schema))} cascade`);
    }
  });
});
