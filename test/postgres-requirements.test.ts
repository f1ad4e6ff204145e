/**
 * The services check their PostgreSQL at start (shared/src/orm/requirements.ts): against the real test
 * server, the comparison's requirements are met, and a requirement the server cannot meet (a version
 * from the future, an extension or a collation that does not exist) is named in a clear message.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { missingRequirements, POSTGRES_MIN_VERSION_NUM, requirementsMessage } from '../shared/src/orm/requirements';
import { NAME_COLLATION } from '../subgraphs/comparison/src/read-model/constants';

let client: Client;
const run = async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Array<Record<string, unknown>>;

beforeAll(async () => {
  client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

describe('PostgreSQL requirements', () => {
  it('the test server has what the comparison needs', async () => {
    expect(
      await missingRequirements(run, { minVersionNum: POSTGRES_MIN_VERSION_NUM, collations: [NAME_COLLATION.replace(/"/g, '')], extensions: ['pg_trgm'] }),
    ).toEqual([]);
  });

  it('names each missing piece: a too-high version, an unknown extension and collation', async () => {
    const version = String((await run('show server_version'))[0]!.server_version);
    const missing = await missingRequirements(run, { minVersionNum: 990000, collations: ['xx-x-icu'], extensions: ['no_such_extension'] });
    expect(missing).toEqual([
      `PostgreSQL 99 or newer (this server is ${version})`,
      'the ICU collation "xx-x-icu" (a server built with ICU: pg_collation has no "xx-x-icu")',
      "the extension no_such_extension (not in pg_available_extensions: install the server's contrib package)",
    ]);
    expect(requirementsMessage(missing)).toBe(`PostgreSQL does not meet the requirements (README, "PostgreSQL"); missing: ${missing.join('; ')}`);
  });
});
