/**
 * Issue #12: roles compared by what they do (Landscape.functionalCrosswalk) through the gateway,
 * checked against the data files and the source documents' own words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';
import { allRegionFiles, documentText, regionFiles } from './support/data-files';
import { REGIONS } from '../contract/src/registry';

interface Quote {
  document: string;
  section: string;
  quote: string;
}
type Evidence = { basis: string; text: string; bodyId: string | null; quote: Quote };
type Performer = { type: string; roleId: string | null; bodyId: string | null; title: string; evidence: Evidence[] };
type Row = { function: string; regions: Array<{ regionCode: string; performers: Performer[] }> };
type RoleFns = { roleId: string; title: string; functions: string[]; closest: Array<{ regionCode: string; roleId: string; shared: string[]; score: number }> };
type Region = { regionCode: string; roles: RoleFns[]; rolesWithoutDuties: Array<{ id: string; title: string; quote: Quote }> };
type Crosswalk = { missingRegions: string[]; functions: Row[]; regions: Region[] };

const QUERY = `{ landscape { functionalCrosswalk {
  missingRegions
  functions { function regions { regionCode performers { type roleId bodyId title evidence { basis text bodyId quote { document section quote } } } } }
  regions { regionCode roles { roleId title functions closest { regionCode roleId shared score } } rolesWithoutDuties { id title quote { document section quote } } }
} } }`;

let fx: Crosswalk;
beforeAll(async () => {
  fx = (await gqlOk<{ landscape: { functionalCrosswalk: Crosswalk } }>(QUERY)).landscape.functionalCrosswalk;
});

const performers = (fn: string, code: string) => fx.functions.find((f) => f.function === fn)!.regions.find((r) => r.regionCode === code)!.performers;
const role = (code: string, id: string) => fx.regions.find((r) => r.regionCode === code)!.roles.find((r) => r.roleId === id)!;

describe('functionalCrosswalk: roles compared by what they do', () => {
  it('answers for every registered region, every function row in registry order', () => {
    expect(fx.missingRegions).toEqual([]);
    expect(fx.regions.map((r) => r.regionCode)).toEqual(REGIONS.map((r) => r.code));
    for (const row of fx.functions) expect(row.regions.map((r) => r.regionCode)).toEqual(REGIONS.map((r) => r.code));
  });

  it('every statement is quoted verbatim from its source document', () => {
    const quotes = fx.functions.flatMap((f) => f.regions.flatMap((r) => r.performers.flatMap((p) => p.evidence.map((e) => e.quote))));
    for (const q of [...quotes, ...fx.regions.flatMap((r) => r.rolesWithoutDuties.map((x) => x.quote))]) {
      expect(documentText(q.document), q.quote).toContain(q.quote);
    }
  });

  it('lists exactly the roles whose data states no duties, and never counts them as a match', () => {
    for (const files of allRegionFiles()) {
      const region = fx.regions.find((r) => r.regionCode === files.code)!;
      const without = files.roles.filter((r) => r.duties.length === 0);
      expect(
        region.rolesWithoutDuties.map((r) => r.id),
        files.code,
      ).toEqual(without.map((r) => r.id));
      expect(region.rolesWithoutDuties.map((r) => r.quote.quote)).toEqual(without.map((r) => r.source.quote));
    }
    // SAMLA's "Delregional samordnare" is named once, with no duties: not a performer, not anyone's closest role.
    const delregional = regionFiles('samla').roles.find((r) => r.title === 'Delregional samordnare')!;
    expect(fx.regions.find((r) => r.regionCode === 'samla')!.rolesWithoutDuties.map((r) => r.id)).toContain(delregional.id);
    const everywhere = JSON.stringify(fx.functions) + JSON.stringify(fx.regions.map((r) => r.roles));
    expect(everywhere).not.toContain(`"${delregional.id}"`);
  });

  it("every role duty appears as its role's evidence, with its quote", () => {
    const evidence = fx.functions.flatMap((f) =>
      f.regions.flatMap((r) => r.performers.flatMap((p) => p.evidence.map((e) => ({ ...e, roleId: p.roleId, fn: f.function })))),
    );
    for (const files of allRegionFiles()) {
      for (const r of files.roles) {
        for (const d of r.duties.filter((x) =>
          ['CONVENING', 'MINUTES', 'DECISION_PREPARATION', 'ACTION_PLAN', 'REPORTING', 'NETWORKING'].includes(x.category),
        )) {
          expect(evidence, `${r.id}: ${d.text}`).toContainEqual(
            expect.objectContaining({ basis: 'ROLE_DUTY', roleId: r.id, quote: expect.objectContaining({ quote: d.source.quote }) }),
          );
        }
      }
    }
  });

  it("a body's assignment with a duty category counts for the body (a group's duty)", () => {
    const evidence = fx.functions.flatMap((f) =>
      f.regions.flatMap((r) => r.performers.filter((p) => p.type === 'BODY').flatMap((p) => p.evidence.map((e) => ({ ...e, performer: p.bodyId })))),
    );
    const assignments = allRegionFiles().flatMap((f) =>
      f.bodies.flatMap((b) => (b.assignments ?? []).filter((a) => a.category).map((a) => ({ body: b.id, a }))),
    );
    for (const { body, a } of assignments) {
      if (['OTHER', 'MONITORING', 'INFORMATION_TRAINING', 'DECISION_MAKING', 'BUDGET_ECONOMY', 'REPRESENTATION'].includes(a.category!)) continue; // no function of their own
      expect(evidence, `${body}: ${a.text}`).toContainEqual(
        expect.objectContaining({ basis: 'BODY_ASSIGNMENT', performer: body, quote: expect.objectContaining({ quote: a.source.quote }) }),
      );
    }
  });

  it("Örebro's samverkansledare and Höglandet's samverkanskoordinator are each other's closest role: they convene the area's groups, own its action plan, take part in a peer network", () => {
    const ledare = regionFiles('orebro').roles.find((r) => r.title === 'Samverkansledare')!;
    const koordinator = regionFiles('hoglandet').roles.find((r) => r.title === 'Samverkanskoordinator')!;
    expect(
      role('orebro', ledare.id)
        .closest.filter((m) => m.regionCode === 'hoglandet')
        .map((m) => m.roleId),
    ).toEqual([koordinator.id]);
    expect(
      role('hoglandet', koordinator.id)
        .closest.filter((m) => m.regionCode === 'orebro')
        .map((m) => m.roleId),
    ).toEqual([ledare.id]);
    const shared = role('orebro', ledare.id).closest.find((m) => m.roleId === koordinator.id)!.shared;
    expect(shared).toEqual(expect.arrayContaining(['CONVENES_BODY', 'OWNS_ACTION_PLAN', 'PEER_NETWORK']));
    const convenes = performers('CONVENES_BODY', 'hoglandet').find((p) => p.roleId === koordinator.id)!;
    expect(convenes.evidence.map((e) => e.quote.quote).join('\n')).toContain(
      'Samverkanskoordinatorerna är sammankallande för styr- och arbetsgrupper i respektive kommunområde',
    );
    expect(
      performers('PEER_NETWORK', 'orebro')
        .find((p) => p.roleId === ledare.id)!
        .evidence.map((e) => e.quote.quote)
        .join('\n'),
    ).toContain('erfarenhetsutbyte med de andra samverkansledarna');
  });

  it("Kalmar's utvecklingsledare lead the groups' work and prepare their plans; Kalmar's samordnare and SAMLA's processledare coordinate the county-level work", () => {
    const ul = regionFiles('kalmar').roles.find((r) => r.title === 'Utvecklingsledare')!;
    expect(role('kalmar', ul.id).functions).toEqual(expect.arrayContaining(['LEADS_GROUP_WORK', 'PREPARES_MATTERS']));
    expect(
      performers('LEADS_GROUP_WORK', 'kalmar')
        .find((p) => p.roleId === ul.id)!
        .evidence.map((e) => e.quote.quote)
        .join('\n'),
    ).toContain('Leda arbetet i den samordnande gruppen');
    const samordnare = regionFiles('kalmar').roles.find((r) => r.title === 'Samordnare')!;
    const processledare = regionFiles('samla').roles.find((r) => r.title === 'Processledare SAMLA')!;
    expect(performers('COORDINATES_PLANNING', 'kalmar').map((p) => p.roleId)).toContain(samordnare.id);
    expect(performers('COORDINATES_PLANNING', 'samla').map((p) => p.roleId)).toContain(processledare.id);
    // SAMLA's convener is the processledare, as the body states it.
    const convener = performers('CONVENES_BODY', 'samla').find((p) => p.roleId === processledare.id)!;
    expect(convener.evidence.map((e) => e.basis)).toContain('BODY_CONVENER');
    expect(convener.evidence.map((e) => e.quote.quote).join('\n')).toContain('Processledaren för SAMLA är sammankallande');
  });
});
