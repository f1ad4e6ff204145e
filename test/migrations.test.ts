/**
 * Each subgraph's migrations touch its own schema only, the loader is idempotent, and the entities
 * agree with the migrations. Uses schemas of its own (prefix `migr_`) in the test database.
 */
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { BASE_REGION_MIGRATIONS, initOrm, loadRegionData, migrate, REGION_ENTITIES, seedRegion } from '../shared/src';
import { dataFiles } from './support/data';

const orms: MikroORM[] = [];
/** Kalmar's rows, counted in its data files (not by the loader under test). */
const KALMAR = { bodies: dataFiles('kalmar').flatMap((f) => f.bodies).length, roles: dataFiles('kalmar').flatMap((f) => f.roles).length };

async function regionOrm(schema: string): Promise<MikroORM> {
  const orm = await initOrm({ clientUrl: inject('databaseUrl'), schema, entities: REGION_ENTITIES as never, migrations: BASE_REGION_MIGRATIONS });
  orms.push(orm);
  return orm;
}

async function count(orm: MikroORM, table: string): Promise<number> {
  const [row] = await orm.em.getConnection().execute(`select count(*)::int as n from ${table}`);
  return (row as { n: number }).n;
}

let orebro: MikroORM;
let kalmar: MikroORM;

beforeAll(async () => {
  orebro = await regionOrm('migr_orebro');
  kalmar = await regionOrm('migr_kalmar');
  await orebro.em.getConnection().execute('drop schema if exists migr_orebro cascade; drop schema if exists migr_kalmar cascade;');
  await migrate(kalmar);
  await seedRegion(kalmar, loadRegionData('kalmar', join(__dirname, '..', 'subgraphs', 'kalmar', 'data')));
});

afterAll(async () => {
  await Promise.all(orms.map((o) => o.close()));
});

describe('migrations and data loading', () => {
  it("running one subgraph's migrations, up and down, leaves another subgraph's tables and rows intact", async () => {
    const before = await count(kalmar, 'migr_kalmar.body');
    expect(before).toBe(KALMAR.bodies);
    expect(await migrate(orebro)).toEqual(BASE_REGION_MIGRATIONS.map((m) => m.name));
    await orebro.getMigrator().down({ to: 0 });
    await migrate(orebro);
    expect(await count(kalmar, 'migr_kalmar.body')).toBe(before);
    expect(await count(kalmar, 'migr_kalmar.role')).toBe(KALMAR.roles);
  });

  it("the schema generator of one subgraph proposes nothing for another subgraph's schema", async () => {
    await migrate(orebro);
    const sql = await orebro.schema.getUpdateSchemaSQL({ schema: 'migr_orebro' });
    expect(sql).not.toMatch(/migr_kalmar/);
    expect(sql).not.toMatch(/drop table/i);
  });

  it('the entities agree with the migrations (no drift)', async () => {
    const sql = await orebro.schema.getUpdateSchemaSQL({ schema: 'migr_orebro' });
    const statements = sql.split('\n').filter((l) => l.trim() && !/^set names/.test(l));
    expect(statements).toEqual([]);
  });

  it('loading the same data twice changes nothing and duplicates nothing', async () => {
    const data = loadRegionData('kalmar', join(__dirname, '..', 'subgraphs', 'kalmar', 'data'));
    const bodies = await count(kalmar, 'migr_kalmar.body');
    const again = await seedRegion(kalmar, data);
    expect(again.changed).toBe(false);
    // The history has the first load's one entry, and nothing from the second.
    expect(await count(kalmar, 'migr_kalmar.data_change')).toBe(1);
    expect(await count(kalmar, 'migr_kalmar.body')).toBe(bodies);
    expect(bodies).toBe(KALMAR.bodies);
  });
});
