/**
 * Issue #13: a region seeded from many data files, one file at a time (contract data/load.ts
 * openRegionData, shared orm/seed.ts, history/record.ts), on a small synthetic region split into
 * several files with references across them. The rows are what the data files say (read here straight
 * from the files, not through the loader); the history is what a diff of the whole region, as the
 * tables held it, against the whole new region gives (contract history/diff.ts): an unchanged restart
 * records nothing, a rename exactly one CHANGED entry, edits in several files exactly their entries.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { BASE_REGION_MIGRATIONS, initOrm, migrate, REGION_ENTITIES, seedRegion } from '../shared/src';
import { checkRegionData, loadRegionData, openRegionData } from '../contract/src/data/load';
import { diffFacts, type Fact, type FactSet } from '../contract/src/history/diff';
import type { DataFile } from '../contract/src/data/schema';
import { BODIES_PER_FILE, writeSyntheticRegion } from '../scripts/lib/synthetic';
import { dropSchemas } from './support/client';

const SCHEMA = 'seeding_split';
const REGION = 'kalmar';
const BODIES = 2 * BODIES_PER_FILE + 500;
const dir = mkdtempSync(join(tmpdir(), 'samverkan-seeding-'));
let orm: MikroORM;

const files = () =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => ({ name: n, data: JSON.parse(readFileSync(join(dir, n), 'utf8')) as DataFile }));
const edit = (name: string, change: (d: DataFile) => void) => {
  const d = JSON.parse(readFileSync(join(dir, name), 'utf8')) as DataFile;
  change(d);
  writeFileSync(join(dir, name), JSON.stringify(d));
};
const open = () => openRegionData(REGION, dir, { documents: false });
const rows = async <T>(sql: string) => (await orm.em.getConnection().execute(sql)) as T[];
const g = (id: string) => `${REGION}:${id}`;

type Entry = {
  change: string;
  fact_kind: string | null;
  fact_id: string | null;
  fact_name: string | null;
  fields: unknown[];
  quote_before: string | null;
  quote_after: string | null;
};
const history = () => rows<Entry & { seq: string; data_version_before: string | null }>(`select * from ${SCHEMA}.data_change order by seq`);

/** What the tables hold, as the history saw it before a load: each kind's `data` in document order. */
async function held(): Promise<FactSet> {
  const kinds = {
    body: 'body',
    role: 'role',
    reportingDuty: 'reporting_duty',
    plan: 'plan',
    decisionRule: 'decision_rule',
    regionalFact: 'regional_fact',
    document: 'source_document',
    event: 'event',
  };
  const out: Record<string, Fact[]> = {};
  for (const [kind, table] of Object.entries(kinds)) {
    out[kind] = (await rows<{ data: Fact }>(`select data from ${SCHEMA}.${table} order by ${kind === 'document' ? 'file' : 'position'}`)).map((r) => r.data);
  }
  return out as FactSet;
}

/** The whole new region as the history compares it: the `data` each row stores, through JSON. */
function next(): FactSet {
  const d = loadRegionData(REGION, dir, { documents: false });
  const strip = (list: object[], keys: string[]) => list.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));
  return JSON.parse(
    JSON.stringify({
      body: strip(d.bodies, ['position']),
      role: strip(d.roles, ['position', 'document']),
      reportingDuty: strip(d.reportingDuties, ['position', 'document']),
      plan: strip(d.plans, ['position', 'document']),
      decisionRule: strip(d.decisionRules, ['position', 'document']),
      regionalFact: strip(d.regionalFacts, ['position', 'document']),
      document: d.documents,
      event: strip(d.events, ['position']),
    }),
  ) as FactSet;
}

beforeAll(async () => {
  await dropSchemas(inject('databaseUrl'), [SCHEMA]);
  orm = await initOrm({ clientUrl: inject('databaseUrl'), schema: SCHEMA, entities: REGION_ENTITIES as never, migrations: BASE_REGION_MIGRATIONS });
  await migrate(orm);
});

afterAll(async () => {
  await orm?.close();
  await dropSchemas(inject('databaseUrl'), [SCHEMA]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a region seeded from several data files, one at a time', () => {
  it('the synthetic region is several documents, with references across files, and passes the checks', () => {
    expect(writeSyntheticRegion(dir, BODIES)).toEqual({ bodies: BODIES, roles: BODIES, reportingDuties: BODIES / 2 });
    const written = files();
    expect(written.map((f) => [f.name, f.data.file, f.data.document.id, f.data.bodies.length])).toEqual([
      ['synthetic-000.json', 'synthetic-000.txt', 'synthetic-000', 1000],
      ['synthetic-001.json', 'synthetic-001.txt', 'synthetic-001', 1000],
      ['synthetic-002.json', 'synthetic-002.txt', 'synthetic-002', 500],
    ]);
    const inFile = new Map(written.flatMap((f, i) => f.data.bodies.map((b) => [b.id, i] as const)));
    expect(written[2]!.data.bodies.filter((b) => inFile.get(b.parent!.bodyId) !== 2)).toHaveLength(500);
    expect(checkRegionData(dir, { documents: false }).problems).toEqual([]);
  });

  it('the first load writes every fact of every file, in document order, and one INITIAL_LOAD entry', async () => {
    const result = await seedRegion(orm, open());
    expect(result).toEqual({ changed: true, bodies: BODIES, changes: 1 });
    // Expected rows, counted from the files: facts numbered on across files, in file order.
    const expected: Array<{ table: string; id: string; position: number; document: string }> = [];
    let position = 0;
    for (const { data } of files()) {
      const lists = [
        ['body', data.bodies],
        ['role', data.roles],
        ['reporting_duty', data.reportingDuties],
        ['plan', data.plans],
        ['decision_rule', data.decisionRules],
      ] as const;
      for (const [table, list] of lists) for (const x of list) expected.push({ table, id: g(x.id), position: position++, document: data.file });
    }
    const actual = await rows<{ table: string; id: string; position: number; document: string }>(
      ['body', 'role', 'reporting_duty', 'plan', 'decision_rule']
        .map((t) => `select '${t}' as table, id, position, document from ${SCHEMA}.${t}`)
        .join(' union all ') + ' order by position',
    );
    expect(actual).toEqual(expected);
    expect(expected.filter((r) => r.table === 'plan')).toHaveLength(BODIES / 10);
    expect(await rows(`select file from ${SCHEMA}.source_document order by file`)).toEqual(files().map((f) => ({ file: f.data.file })));
    expect(await rows(`select file from ${SCHEMA}.data_version order by file`)).toEqual(files().map((f) => ({ file: f.data.file })));
    const [body] = await rows<{ parent_id: string; data: { name: string; parent: { bodyId: string }; document: string } }>(
      `select parent_id, data from ${SCHEMA}.body where id = '${g('body-2400')}'`,
    );
    expect(body).toMatchObject({ parent_id: g('body-599'), data: { name: 'Grupp 2400', parent: { bodyId: g('body-599') }, document: 'synthetic-002.txt' } });
    expect((await history()).map((e) => [e.change, e.fact_kind, e.data_version_before])).toEqual([['INITIAL_LOAD', null, null]]);
  });

  it('a restart on unchanged files writes nothing and records nothing', async () => {
    expect(await seedRegion(orm, open())).toEqual({ changed: false, bodies: BODIES, changes: 0 });
    expect(await history()).toHaveLength(1);
  });

  it('one body renamed records exactly one CHANGED entry, with its field, quotes and versions', async () => {
    writeSyntheticRegion(dir, BODIES, 'renamed');
    expect(await seedRegion(orm, open())).toEqual({ changed: true, bodies: BODIES, changes: 1 });
    const entries = await history();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      change: 'CHANGED',
      fact_kind: 'body',
      fact_id: g('body-0'),
      fact_name: 'Grupp 0 renamed',
      data_version_before: entries[0]!.data_version_after,
      fields: [{ path: 'name', before: '"Grupp 0"', after: '"Grupp 0 renamed"', quoteBefore: 'Syntetisk text 0', quoteAfter: 'Syntetisk text 0' }],
      quote_before: 'Syntetisk text 0',
      quote_after: 'Syntetisk text 0',
    });
    expect(await seedRegion(orm, open())).toEqual({ changed: false, bodies: BODIES, changes: 0 });
  });

  it('edits in several files record what a diff of the whole region gives, in its order', async () => {
    edit('synthetic-000.json', (d) => {
      d.reportingDuties = d.reportingDuties.filter((r) => r.id !== 'report-10');
      d.bodies[3]!.notes = ['ny'];
    });
    edit('synthetic-001.json', (d) => {
      d.roles = d.roles.filter((r) => r.id !== 'role-1500');
    });
    edit('synthetic-002.json', (d) => {
      d.document.note = 'Ny anmärkning';
      d.plans.push({ ...d.plans[0]!, id: 'plan-ny', name: 'Ny plan' });
      d.roles[100]!.duties[1]!.text = 'Ändrad uppgift';
    });
    const expected = diffFacts(await held(), next());
    expect(expected.map((d) => [d.change, d.factId])).toEqual([
      ['CHANGED', g('body-3')],
      ['CHANGED', g('role-2100')],
      ['REMOVED', g('role-1500')],
      ['REMOVED', g('report-10')],
      ['ADDED', g('plan-ny')],
      ['CHANGED', 'synthetic-002.txt'],
    ]);
    const seq = (await history()).length;
    expect(await seedRegion(orm, open())).toEqual({ changed: true, bodies: BODIES, changes: expected.length });
    const recorded = (await history())
      .slice(seq)
      .map(({ change, fact_kind, fact_id, fact_name, fields, quote_before, quote_after }) => ({
        change,
        factKind: fact_kind,
        factId: fact_id,
        factName: fact_name,
        fields,
        quoteBefore: quote_before,
        quoteAfter: quote_after,
      }));
    expect(recorded).toEqual(expected);
    expect(await rows(`select count(*)::int as n from ${SCHEMA}.role`)).toEqual([{ n: BODIES - 1 }]);
  });

  it('a file changed after it was checked is not loaded: the load is refused and the last one stays', async () => {
    edit('synthetic-000.json', (d) => {
      d.bodies[1]!.name = 'Ny grupp 1';
    });
    const source = open();
    edit('synthetic-001.json', (d) => {
      d.bodies[0]!.name = 'Ändrad under laddningen';
    });
    const before = await history();
    await expect(seedRegion(orm, source)).rejects.toThrow(/synthetic-001\.json \(or its document\) changed while the region was loading it/);
    expect(await history()).toEqual(before);
    expect(await rows(`select id, data->>'name' as name from ${SCHEMA}.body where id in ('${g('body-1')}', '${g('body-1000')}') order by id`)).toEqual([
      { id: g('body-1'), name: 'Grupp 1' },
      { id: g('body-1000'), name: 'Grupp 1000' },
    ]);
  });
});
