/**
 * An aggregate asked only for what is beside its lists (kinds, region codes, counts) reads its
 * groups without their entries (resolver.ts, selection.ts): the answer is the same as the full
 * answer without the lists. A list asked for through a fragment is read.
 */
import { describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';

const landscape = async (q: string) =>
  (await gqlOk<{ landscape: any }>(`${q.startsWith('query') || q.startsWith('fragment') ? q : `{ landscape { ${q} } }`}`)).landscape;

describe('aggregates asked without their lists', () => {
  it('rolesCrosswalk: kinds and counts as in the full answer', async () => {
    const full = await landscape('rolesCrosswalk { rows { kind regions { regionCode roleCount roles { id } } } }');
    const bare = await landscape('rolesCrosswalk { rows { kind regions { regionCode roleCount } } }');
    expect(full.rolesCrosswalk.rows.some((row: any) => row.regions.some((r: any) => r.roles.length > 0))).toBe(true);
    expect(bare.rolesCrosswalk.rows).toEqual(
      full.rolesCrosswalk.rows.map((row: any) => ({ ...row, regions: row.regions.map(({ roles: _r, ...r }: any) => r) })),
    );
  });

  it('functionalCrosswalk: functions and counts as in the full answer', async () => {
    const full = await landscape(`functionalCrosswalk {
      functions { function regions { regionCode performerCount performers { title } } }
      regions { regionCode roleCount rolesWithoutDutiesCount roles { roleId closest { roleId } } rolesWithoutDuties { id } } }`);
    const bare = await landscape(
      'functionalCrosswalk { functions { function regions { regionCode performerCount } } regions { regionCode roleCount rolesWithoutDutiesCount } }',
    );
    const fx = full.functionalCrosswalk;
    expect(fx.regions.some((r: any) => r.roles.length > 0)).toBe(true);
    expect(bare.functionalCrosswalk).toEqual({
      functions: fx.functions.map((f: any) => ({ ...f, regions: f.regions.map(({ performers: _p, ...r }: any) => r) })),
      regions: fx.regions.map(({ roles: _r, rolesWithoutDuties: _w, ...r }: any) => r),
    });
  });

  it('reportingChains: counts as in the full answer', async () => {
    const full = await landscape('reportingChains { regions { regionCode nodeCount edgeCount pathCount nodes { id } edges { from to } paths { bodyIds } } }');
    const bare = await landscape('reportingChains { regions { regionCode nodeCount edgeCount pathCount } }');
    expect(full.reportingChains.regions.some((r: any) => r.nodes.length > 0)).toBe(true);
    expect(bare.reportingChains.regions).toEqual(full.reportingChains.regions.map(({ nodes: _n, edges: _e, paths: _p, ...r }: any) => r));
  });

  it('a list asked for in a fragment is there', async () => {
    const plain = await landscape('rolesCrosswalk { rows { kind regions { regionCode roles { id } } } }');
    const viaFragment = await landscape(
      'query { landscape { rolesCrosswalk { rows { kind regions { regionCode ...Roles } } } } } fragment Roles on RegionRoles { roles { id } }',
    );
    expect(viaFragment).toEqual(plain);
  });
});
