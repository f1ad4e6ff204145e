/**
 * Region-owned body fields: Kalmar adds `memberSelection` to its own bodies (`KalmarBody`, an entity
 * its subgraph owns) without changing the contract or any other subgraph. Asked through the gateway
 * on the region's bodies and, by key, on the comparison's rows; the answer carries its quote, which
 * must stand in the document, and its criteria are the data file's own words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { regionBodyTypename, regionRoleTypename } from '../contract/src/graphql/region-owned';
import { gql, gqlOk } from './support/client';
import { regionFiles } from './support/data-files';

const KALMAR = REGIONS.find((r) => r.code === 'kalmar')!;
const TOPIC = 'member-selection';
interface Selection {
  criteria: string[];
  source: { document: string; section: string; quote: string };
}

interface FileFact {
  topic: string;
  value?: string | null;
  bodyId?: string | null;
  source: { section: string; quote: string };
}
const dataDir = join(__dirname, '..', 'subgraphs', KALMAR.code, 'data');
const regionalFacts: FileFact[] = readdirSync(dataDir)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .flatMap((n) => (JSON.parse(readFileSync(join(dataDir, n), 'utf8')) as { regionalFacts: FileFact[] }).regionalFacts);

/** What the data file says: the body each member-selection fact is about, and the fact. */
const expected = new Map(regionalFacts.filter((f) => f.topic === TOPIC && f.bodyId).map((f) => [`${KALMAR.code}:${f.bodyId}`, f]));
const document = (file: string) => readFileSync(join(__dirname, '..', 'docs', 'sources', file), 'utf8');

function checkSelection(bodyId: string, got: Selection | null) {
  const fact = expected.get(bodyId);
  if (!fact) return expect(got, bodyId).toBeNull();
  expect(got, bodyId).not.toBeNull();
  expect(got!.source).toEqual({ document: expect.any(String), section: fact.source.section, quote: fact.source.quote });
  expect(document(got!.source.document)).toContain(got!.source.quote);
  expect(got!.criteria).toEqual(fact.value!.split(',').map((c) => c.trim()));
  for (const c of got!.criteria) expect(got!.source.quote).toContain(c);
}

describe('region-owned body fields (Kalmar: memberSelection)', () => {
  it("on the region's own bodies, through the gateway (drill-down and region(code:))", async () => {
    const query = `{ id name regionBody { __typename id ... on KalmarBody { memberSelection { criteria source { document section quote } } } } }`;
    const data = await gqlOk<
      Record<
        'drill' | 'byCode',
        { bodies: Array<{ id: string; name: string; regionBody: { __typename: string; id: string; memberSelection: Selection | null } }> }
      >
    >(`{ drill: kalmar { bodies ${query} } byCode: region(code: "${KALMAR.code}") { bodies ${query} } }`);
    expect(expected.size, 'the Kalmar data has one member-selection fact about a body').toBe(1);
    const bodies = data.drill.bodies;
    expect(bodies).toHaveLength(regionFiles(KALMAR.code).bodies.length);
    expect(data.byCode.bodies).toEqual(bodies);
    for (const b of bodies) {
      expect(b.regionBody).toMatchObject({ __typename: regionBodyTypename(KALMAR.code), id: b.id });
      checkSelection(b.id, b.regionBody.memberSelection);
    }
    expect(bodies.filter((b) => b.regionBody.memberSelection).map((b) => b.id)).toEqual([...expected.keys()]);
  });

  it("by key on the comparison's rows: every body row names its region's own body type; Kalmar's rows carry the field", async () => {
    const data = await gqlOk<{
      landscape: {
        bodies: {
          nodes: Array<{
            id: string;
            regionCode: string;
            regionBody: { __typename: string; id: string; body: { name: string }; memberSelection?: Selection | null };
          }>;
        };
      };
    }>(
      '{ landscape { bodies(first: 200) { nodes { id regionCode regionBody { __typename id ... on KalmarBody { body { name } memberSelection { criteria source { document section quote } } } } } } } }',
    );
    const nodes = data.landscape.bodies.nodes;
    expect(nodes).toHaveLength(REGIONS.reduce((n, r) => n + regionFiles(r.code).bodies.length, 0));
    for (const n of nodes) {
      expect(n.regionBody.__typename).toBe(regionBodyTypename(n.regionCode));
      expect(n.regionBody.id).toBe(n.id);
      if (n.regionCode !== KALMAR.code) {
        expect(n.regionBody.memberSelection).toBeUndefined();
        continue;
      }
      checkSelection(n.id, n.regionBody.memberSelection!);
    }
    const kalmarRows = nodes.filter((n) => n.regionCode === KALMAR.code);
    expect(kalmarRows.map((n) => n.regionBody.body.name)).toEqual(regionFiles(KALMAR.code).bodies.map((b) => b.name));
  });

  it("roles lead to the region's own role type the same way", async () => {
    const data = await gqlOk<{ kalmar: { roles: Array<{ id: string; regionRole: { __typename: string; id: string; role: { title: string } } }> } }>(
      '{ kalmar { roles { id regionRole { __typename id ... on KalmarRole { role { title } } } } } }',
    );
    expect(data.kalmar.roles).toHaveLength(regionFiles(KALMAR.code).roles.length);
    for (const r of data.kalmar.roles) expect(r.regionRole).toMatchObject({ __typename: regionRoleTypename(KALMAR.code), id: r.id });
    expect(data.kalmar.roles.map((r) => r.regionRole.role.title)).toEqual(regionFiles(KALMAR.code).roles.map((r) => r.title));
  });

  it("roles crosswalk rows lead to the region's own role by key; an office stated only on a body has none", async () => {
    // The region's own role type is only reached through its own type: one fragment per registry region.
    const ownRole = REGIONS.map((r) => `... on ${regionRoleTypename(r.code)} { role { title } }`).join(' ');
    type Row = {
      id: string;
      regionCode: string;
      origin: 'ROLE' | 'BODY_OFFICE';
      title: string | null;
      regionRole: { __typename: string; id: string; role: { title: string } } | null;
    };
    const data = await gqlOk<{ landscape: { rolesCrosswalk: { rows: Array<{ regions: Array<{ regionCode: string; roles: Row[]; roleCount: number }> }> } } }>(
      `{ landscape { rolesCrosswalk { rows { regions { regionCode roleCount roles { id regionCode origin title regionRole { __typename id ${ownRole} } } } } } } }`,
    );
    const cells = data.landscape.rolesCrosswalk.rows.flatMap((r) => r.regions);
    for (const c of cells) expect(c.roles, `${c.regionCode}: every role of the cell is in the answer`).toHaveLength(c.roleCount);
    const rows = cells.flatMap((c) => c.roles);
    const described = rows.filter((r) => r.origin === 'ROLE');
    // Every role a data file describes is one row, under its own kind.
    const fileRoles = REGIONS.flatMap((r) => regionFiles(r.code).roles.map((role) => ({ id: role.id, title: role.title })));
    expect(described.map((r) => r.id).sort()).toEqual(fileRoles.map((r) => r.id).sort());
    const titles = new Map(fileRoles.map((r) => [r.id, r.title]));
    for (const r of described) {
      expect(r.regionRole, r.id).toEqual({ __typename: regionRoleTypename(r.regionCode), id: r.id, role: { title: titles.get(r.id) } });
    }
    const offices = rows.filter((r) => r.origin === 'BODY_OFFICE');
    expect(offices.length, 'the documents state offices on bodies that no role describes').toBeGreaterThan(0);
    for (const r of offices) expect(r.regionRole, r.id).toBeNull();
  });

  it("an older client's query (no region-owned fields) is answered as before, and an unknown field is a client error", async () => {
    const old = await gqlOk<{ kalmar: { bodies: Array<{ id: string; name: string }> } }>('{ kalmar { bodies { id name } } }');
    expect(old.kalmar.bodies.map((b) => b.name)).toEqual(regionFiles(KALMAR.code).bodies.map((b) => b.name));
    const bad = await gql('{ kalmar { bodies { regionBody { ... on KalmarBody { noSuchField } } } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
