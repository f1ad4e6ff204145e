/**
 * Breaking-change detection (`npm run schema:check`, and the guard in `npm run compose`): the API schema
 * of the code as it is now, diffed with the committed supergraph's. Changes are built in memory from the
 * committed supergraph: a removed root field is breaking and fails, unless schema-changes.json
 * acknowledges it; an added one is safe; and the tree as it is has no unacknowledged break.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, SUPERGRAPH_FILE } from '../scripts/lib/supergraph';
import {
  apiSchemaOf,
  checkSchemaChanges,
  formatReport,
  parseSchemaChanges,
  readSchemaChanges,
  SCHEMA_CHANGES_FILE,
  schemaChangesFileFor,
  type Acknowledgement,
} from '../scripts/lib/schema-check';
import { REGIONS } from '../contract/src/registry';

const root = join(__dirname, '..');
const committed = readFileSync(join(root, SUPERGRAPH_FILE), 'utf8');

/** The committed supergraph without root field Query.<field> (a valid supergraph: root fields are in no key or @requires). */
function withoutRootField(supergraph: string, field: string): string {
  let removed = 0;
  const doc = visit(parse(supergraph), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== 'Query') return undefined;
      const fields = (node.fields ?? []).filter((f: FieldDefinitionNode) => f.name.value !== field);
      removed += (node.fields?.length ?? 0) - fields.length;
      return { ...node, fields };
    },
  });
  expect(removed, `Query.${field} is in the committed supergraph`).toBe(1);
  return print(doc);
}

const REMOVED = 'samla';
const withoutSamla = withoutRootField(committed, REMOVED);
const ack = (a: Partial<Acknowledgement>): Acknowledgement => ({
  reason: 'SAMLA is served through region(code:) only; clients were told on 2025-01-10',
  acknowledgedBy: 'Regional lead, SAMLA',
  ...a,
});

describe('schema check', () => {
  it('reads the API schema of the committed supergraph (no federation machinery in it)', () => {
    const api = apiSchemaOf(committed);
    expect(api.getQueryType()!.getFields()).toHaveProperty('landscape');
    expect(api.getDirective('join__field')).toBeUndefined();
    expect(api.getType('join__Graph')).toBeUndefined();
  });

  it('a removed field is a breaking change and fails, with how to acknowledge it', async () => {
    const r = await checkSchemaChanges(committed, withoutSamla, []);
    expect(r.breaking.map((c) => [c.type, c.path])).toEqual([['FIELD_REMOVED', `Query.${REMOVED}`]]);
    expect(r.unacknowledged).toHaveLength(1);
    const report = formatReport(r);
    expect(report).toContain('BREAKING, not acknowledged');
    expect(report).toContain(`Field '${REMOVED}' was removed from object type 'Query'`);
    expect(report).toContain(SCHEMA_CHANGES_FILE);
  });

  it('an acknowledged breaking change passes (by message, or by path and type); another acknowledgement does not', async () => {
    const [change] = (await checkSchemaChanges(committed, withoutSamla, [])).breaking;
    const byMessage = await checkSchemaChanges(committed, withoutSamla, [ack({ message: change!.message })]);
    expect(byMessage.unacknowledged).toEqual([]);
    expect(byMessage.acknowledged.map((a) => a.by.acknowledgedBy)).toEqual(['Regional lead, SAMLA']);
    expect(formatReport(byMessage)).toContain('Breaking, acknowledged');
    expect((await checkSchemaChanges(committed, withoutSamla, [ack({ path: `Query.${REMOVED}`, type: 'FIELD_REMOVED' })])).unacknowledged).toEqual([]);
    expect((await checkSchemaChanges(committed, withoutSamla, [ack({ path: 'Query.kalmar' })])).unacknowledged).toHaveLength(1);
    expect((await checkSchemaChanges(committed, withoutSamla, [ack({ path: `Query.${REMOVED}`, type: 'TYPE_REMOVED' })])).unacknowledged).toHaveLength(1);
  });

  it('an additive change passes without acknowledgement', async () => {
    const r = await checkSchemaChanges(withoutSamla, committed, []);
    expect(r.breaking).toEqual([]);
    expect(r.safe.map((c) => c.type)).toContain('FIELD_ADDED');
    expect(new Set(r.changes.map((c) => c.path))).toEqual(new Set([`Query.${REMOVED}`]));
    expect(formatReport(r)).not.toContain('BREAKING');
  });

  it('a removed type is breaking too (the whole region type, as --remove of a shipped region would do)', async () => {
    // Drop the SamlaRegion type from the API view: remove its root field and every reference to it.
    const api = apiSchemaOf(committed);
    expect(api.getType('SamlaRegion')).toBeDefined();
    const doc = parse(withoutSamla);
    const stripped = print({ ...doc, definitions: doc.definitions.filter((d) => !(d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'SamlaRegion')) });
    const r = await checkSchemaChanges(committed, stripped, []);
    expect(r.unacknowledged.map((c) => c.path)).toEqual(expect.arrayContaining(['SamlaRegion', `Query.${REMOVED}`]));
  });

  it(`${SCHEMA_CHANGES_FILE} needs a reason and who acknowledged each entry`, () => {
    expect(() => parseSchemaChanges(JSON.stringify({ acknowledged: [{ path: 'Query.x', acknowledgedBy: 'me' }] }))).toThrow(/reason/);
    expect(() => parseSchemaChanges(JSON.stringify({ acknowledged: [{ path: 'Query.x', reason: 'why' }] }))).toThrow(/acknowledgedBy/);
    expect(() => parseSchemaChanges(JSON.stringify({ acknowledged: [{ reason: 'why', acknowledgedBy: 'me' }] }))).toThrow(/message" or "path/);
    expect(() => parseSchemaChanges('{}')).toThrow(/acknowledged/);
    expect(readSchemaChanges(root).acknowledged).toBeInstanceOf(Array);
  });

  it('a region acknowledges the breaks of its own schema in its own file, and only those', async () => {
    const region = REGIONS.find((r) => r.code === REMOVED)!;
    const own = `subgraphs/${region.code}/${SCHEMA_CHANGES_FILE}`;
    expect(schemaChangesFileFor({ path: `Query.${region.code}` })).toBe(own);
    expect(schemaChangesFileFor({ path: `${region.typename}.bodies` })).toBe(own);
    expect(schemaChangesFileFor({ path: 'Query.landscape' })).toBe(SCHEMA_CHANGES_FILE);
    const path = `Query.${REMOVED}`;
    expect((await checkSchemaChanges(committed, withoutSamla, [ack({ path, file: own })])).unacknowledged).toEqual([]);
    const other = REGIONS.find((r) => r.code !== REMOVED)!;
    for (const file of [SCHEMA_CHANGES_FILE, `subgraphs/${other.code}/${SCHEMA_CHANGES_FILE}`]) {
      const r = await checkSchemaChanges(committed, withoutSamla, [ack({ path, file })]);
      expect(r.unacknowledged.map((c) => c.path)).toEqual([path]);
      expect(formatReport(r)).toContain(`${own}:`);
    }
  });

  it('the tree as it is composes and has no unacknowledged breaking change against the committed supergraph', async () => {
    const { supergraph } = await composeSupergraph();
    const r = await checkSchemaChanges(committed, supergraph, readSchemaChanges(root).acknowledged);
    expect(r.unacknowledged, formatReport(r)).toEqual([]);
  }, 60_000);
});
