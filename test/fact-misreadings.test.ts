/**
 * Issue #27 through the gateway: the misreadings the issue lists, each compared with the documents' own
 * text (the roles by function, the closest roles, the differences, the reporting chains and duties, and
 * the readings served as INFERRED with their basis). That every fact shown has its own quote:
 * fact-quotes.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';
import { sourceText } from './support/documents';
import { REGIONS } from '../contract/src/registry';

describe('the misreadings of issue #27, against the documents', () => {
  const FUNCTIONS = `{ landscape { functionalCrosswalk { functions { function regions { regionCode performers { type bodyId roleId title evidence { text quote { quote } } } } }
    regions { regionCode roleCount rolesWithoutDutiesCount rolesWithoutFunctionsCount roles { roleId functions closest { regionCode roleId shared score explanation } } rolesWithoutDuties { id } rolesWithoutFunctions { id title } } } } }`;
  type Fx = {
    landscape: {
      functionalCrosswalk: {
        functions: Array<{
          function: string;
          regions: Array<{
            regionCode: string;
            performers: Array<{ type: string; bodyId: string | null; roleId: string | null; evidence: Array<{ text: string; quote: { quote: string } }> }>;
          }>;
        }>;
        regions: Array<{
          regionCode: string;
          roleCount: number;
          rolesWithoutDutiesCount: number;
          rolesWithoutFunctionsCount: number;
          roles: Array<{
            roleId: string;
            functions: string[];
            closest: Array<{ regionCode: string; roleId: string; shared: string[]; score: number; explanation: string }>;
          }>;
          rolesWithoutDuties: Array<{ id: string }>;
          rolesWithoutFunctions: Array<{ id: string; title: string }>;
        }>;
      };
    };
  };
  let fx: Fx['landscape']['functionalCrosswalk'];
  beforeAll(async () => {
    fx = (await gqlOk<Fx>(FUNCTIONS)).landscape.functionalCrosswalk;
  });

  it('every role appears in the functional crosswalk: matched, without duties, or without a function', async () => {
    const roles = await gqlOk<{ regions: Array<{ code: string; roles: Array<{ id: string }> }> }>('{ regions { code roles { id } } }');
    for (const r of roles.regions) {
      const f = fx.regions.find((x) => x.regionCode === r.code)!;
      const listed = [...f.roles.map((x) => x.roleId), ...f.rolesWithoutDuties.map((x) => x.id), ...f.rolesWithoutFunctions.map((x) => x.id)];
      expect(listed.sort(), r.code).toEqual(r.roles.map((x) => x.id).sort());
      expect(f.roleCount + f.rolesWithoutDutiesCount + f.rolesWithoutFunctionsCount, r.code).toBe(r.roles.length);
    }
    expect(fx.regions.find((x) => x.regionCode === 'samla')!.rolesWithoutFunctions.map((x) => x.title)).toContain('Representant i Samordningsgruppen');
  });

  it('NOSAM is no performer of "takes part in a peer network": the dialogue is Samordningsgruppen\'s duty', () => {
    const peer = fx.functions.find((f) => f.function === 'PEER_NETWORK')!.regions.find((r) => r.regionCode === 'samla')!;
    const dialog = 'Dialog med NOSAM Lerum och Alingsås kopplat till deras aktivitetsplaner och insatser för prioriterade målgrupper.';
    expect(peer.performers.map((p) => p.bodyId)).not.toContain('samla:nosam');
    expect(peer.performers.find((p) => p.bodyId === 'samla:samordningsgruppen')!.evidence.map((e) => e.quote.quote)).toContain(dialog);
  });

  it('Örebro\'s utvecklingsledare "arbetar ... med kompetens inom" is no duty of leading development', () => {
    const lead = fx.functions.find((f) => f.function === 'LEADS_GROUP_WORK')!.regions.find((r) => r.regionCode === 'orebro')!;
    const quotes = lead.performers.flatMap((p) => p.evidence.map((e) => e.quote.quote));
    expect(quotes.filter((q) => q.startsWith('På område välfärd och folkhälsa arbetar utvecklingsledare med kompetens'))).toEqual([]);
  });

  it('a closest role shares at least two functions, and says which', () => {
    let matches = 0;
    for (const region of fx.regions) {
      for (const role of region.roles) {
        for (const m of role.closest) {
          expect(m.shared.length, `${role.roleId} ~ ${m.roleId}`).toBeGreaterThanOrEqual(2);
          expect(m.explanation).toBe(`${m.shared.length} shared (${m.shared.join(', ')}) of ${Math.round(m.shared.length / m.score)} functions of either role`);
          matches++;
        }
      }
    }
    expect(matches).toBeGreaterThan(0);
    const sekreterare = fx.regions.find((r) => r.regionCode === 'orebro')!.roles.filter((r) => /sekreterar/i.test(r.roleId));
    for (const r of sekreterare) expect(r.closest.filter((m) => m.roleId.startsWith('hoglandet:') && m.score === 1)).toEqual([]);
  });

  it("closest roles against the documents: Örebro's Sekreterarfunktion and Höglandet's Samverkanspart share one generic function only, no match; every shared function is quoted for both roles", () => {
    const role = (region: string, id: string) => fx.regions.find((r) => r.regionCode === region)!.roles.find((r) => r.roleId === id)!;
    const quotes = (region: string, roleId: string, fn: string) =>
      fx.functions
        .find((f) => f.function === fn)!
        .regions.find((r) => r.regionCode === region)!
        .performers.filter((p) => p.type === 'ROLE' && p.roleId === roleId)
        .flatMap((p) => p.evidence.map((e) => e.quote.quote));
    const orebro = sourceText('001_c8e7a0a63f5e6cbb.txt');
    const hoglandet = sourceText('003_3bddda7b82c4b001.txt');
    // "Region Örebro län svarar för sekreterarfunktion ..." : support only; "Respektive samverkanspart ansvarar för att ...": support only
    const sek = role('orebro', 'orebro:sekreterarfunktion-chefsgrupper');
    expect(sek.functions).toEqual(['SUPPORTS']);
    for (const q of quotes('orebro', sek.roleId, 'SUPPORTS')) expect(orebro).toContain(q);
    expect(quotes('orebro', sek.roleId, 'SUPPORTS').some((q) => q.includes('svarar för sekreterarfunktion'))).toBe(true);
    const part = role('hoglandet', 'hoglandet:samverkanspart');
    expect(part.functions).toEqual(['SUPPORTS']);
    for (const q of quotes('hoglandet', part.roleId, 'SUPPORTS')) expect(hoglandet).toContain(q);
    expect(sek.closest).toEqual([]);
    expect(part.closest).toEqual([]);
    // SAMLA's processledare: every match shares at least two functions, each stated for both roles in their documents
    const docs: Record<string, string> = {
      orebro: orebro + sourceText('000_15e43a147f007275.txt'),
      kalmar: sourceText('002_b6f78db4ef6f618f.txt'),
      hoglandet,
      samla: sourceText('004_d4ad0bc19c53bb6e.txt'),
    };
    const processledare = role('samla', 'samla:processledare-samla');
    expect(processledare.closest.length).toBeGreaterThan(0);
    for (const m of processledare.closest) {
      for (const fn of m.shared) {
        const mine = quotes('samla', processledare.roleId, fn);
        const theirs = quotes(m.regionCode, m.roleId, fn);
        expect(mine.length && theirs.length, `${fn}: ${m.roleId}`).toBeTruthy();
        for (const q of mine) expect(docs.samla).toContain(q);
        for (const q of theirs) expect(docs[m.regionCode]).toContain(q);
      }
    }
  });

  it('differences: COORDINATOR is not common through a role with no duties; Kalmar names a chair ("ordföranden, vice ordföranden")', async () => {
    type D = {
      landscape: { differences: { dimensions: Array<{ dimension: string; common: string[]; regions: Array<{ regionCode: string; has: string[] }> }> } };
    };
    const d = (
      await gqlOk<D>(
        `{ landscape { differences(regions: ${JSON.stringify(REGIONS.map((r) => r.code))}) { dimensions { dimension common regions { regionCode has } } } } }`,
      )
    ).landscape.differences;
    const kinds = d.dimensions.find((x) => x.dimension === 'ROLE_KINDS')!;
    expect(kinds.common).not.toContain('COORDINATOR');
    expect(kinds.regions.find((r) => r.regionCode === 'samla')!.has).not.toContain('COORDINATOR');
    expect(kinds.regions.find((r) => r.regionCode === 'kalmar')!.has).toEqual(expect.arrayContaining(['CHAIR', 'VICE_CHAIR']));
    expect(sourceText('002_b6f78db4ef6f618f.txt')).toContain('Beredningsgruppen består av ordföranden, vice ordföranden');
  });

  it('the questions of principle go from the chefsgrupp to KCRD: a chain edge with its quote', async () => {
    type C = {
      landscape: {
        reportingChains: { regions: Array<{ regionCode: string; edges: Array<{ from: string; to: string; origin: string; quote: { quote: string } }> }> };
      };
    };
    const c = (await gqlOk<C>('{ landscape { reportingChains(regions: ["orebro"]) { regions { regionCode edges { from to origin quote { quote } } } } } }'))
      .landscape.reportingChains;
    const edge = c.regions[0]!.edges.find(
      (e) => e.to === 'orebro:kcrd' && e.from === 'orebro:chefsgrupp-social-valfard-vard-omsorg' && e.origin === 'REPORTING_DUTY',
    )!;
    expect(edge.quote.quote).toBe('Den typen av frågor bör alltid gå till KCRD för ställningstagande innan det går ut till parterna för beslut.');
  });

  it('no two reporting-duty rows read the same (from, artifact, description, to)', async () => {
    type R = {
      landscape: {
        reportingDuties: { duties: Array<{ regionCode: string; artifact: string; description: string; from: { text: string }; to: { text: string } }> };
      };
    };
    const r = (await gqlOk<R>('{ landscape { reportingDuties(first: 500) { duties { regionCode artifact description from { text } to { text } } } } }'))
      .landscape.reportingDuties;
    const shown = r.duties.map((d) => [d.regionCode, d.from.text, d.artifact, d.description, d.to.text].join(' | '));
    expect(shown.filter((s, i) => shown.indexOf(s) !== i)).toEqual([]);
  });

  it('Örebro: the länsdelsgrupp and both arbetsgrupp bodies answer to both chefsgrupper; both chefsgrupper take assignments from KC/RD', async () => {
    type C = {
      landscape: {
        reportingChains: { regions: Array<{ edges: Array<{ from: string; to: string; origin: string; relation: string; quote: { quote: string } }> }> };
      };
    };
    const edges = (
      await gqlOk<C>('{ landscape { reportingChains(regions: ["orebro"], first: 500) { regions { edges { from to origin relation quote { quote } } } } } }')
    ).landscape.reportingChains.regions[0]!.edges;
    const to = (from: string, origin = 'PARENT_LINK') =>
      edges
        .filter((e) => e.from === `orebro:${from}` && e.origin === origin)
        .map((e) => e.to)
        .sort();
    const chefsgrupper = ['orebro:chefsgrupp-folkhalsa', 'orebro:chefsgrupp-social-valfard-vard-omsorg'];
    for (const body of ['lansdelsgrupp', 'arbetsgrupper-och-styrgrupper', 'chefsgrupp-permanenta-arbetsgrupper'])
      expect(to(body), body).toEqual(expect.arrayContaining(chefsgrupper));
    expect(to('lansdelsgrupp', 'REPORTING_DUTY')).toEqual(expect.arrayContaining(chefsgrupper));
    const doc = sourceText('001_c8e7a0a63f5e6cbb.txt');
    for (const e of edges.filter((x) => x.from.startsWith('orebro:lansdelsgrupp') || x.from.includes('arbetsgrupper'))) expect(doc).toContain(e.quote.quote);
    const kcrd = edges.filter((e) => e.to === 'orebro:kcrd' && e.origin === 'PARENT_LINK');
    expect(kcrd.map((e) => e.from).sort()).toEqual(chefsgrupper);
    expect(kcrd.map((e) => e.quote.quote).sort()).toEqual([
      'Ansvara för att bereda ärenden och verkställa de uppdrag som erhålls från specifika samverkansråden och Samverkansgruppen för länets kommunchefer och regiondirektör (KC/RD-gruppen).',
      'Ansvara för att bereda ärenden och verkställa de uppdrag som erhålls från specifika samverkansråden och av KC/RD gruppen.',
    ]);
  });

  it('Kalmar: the utvecklingsledare keep the samordnande grupp updated, an information duty to the group', async () => {
    type R = {
      landscape: {
        reportingDuties: { duties: Array<{ artifact: string; from: { roleId: string | null }; to: { bodyId: string | null }; quote: { quote: string } }> };
      };
    };
    const r = (
      await gqlOk<R>(
        '{ landscape { reportingDuties(filter: { regions: ["kalmar"], artifacts: [INFORMATION] }) { duties { artifact from { roleId } to { bodyId } quote { quote } } } } }',
      )
    ).landscape.reportingDuties;
    const q = 'Omvärldsbevaka och hålla den samordnande gruppen uppdaterad kring vad som händer och är på gång inom området';
    expect(sourceText('002_b6f78db4ef6f618f.txt')).toContain(q);
    expect(r.duties.filter((d) => d.quote.quote === q)).toEqual([
      { artifact: 'INFORMATION', from: { roleId: 'kalmar:utvecklingsledare' }, to: { bodyId: 'kalmar:samordnande-grupper' }, quote: { quote: q } },
    ]);
  });

  it('Höglandet: the kommunområde styrgrupp under Beredningsgruppen is served as the inferred reading, with its basis', async () => {
    type B = {
      landscape: {
        bodies: { nodes: Array<{ id: string; parent: { bodyId: string; basis: string; basisNote: string | null; quote: { quote: string } } | null }> };
      };
    };
    const nodes = (
      await gqlOk<B>('{ landscape { bodies(filter: { regions: ["hoglandet"] }) { nodes { id parent { bodyId basis basisNote quote { quote } } } } } }')
    ).landscape.bodies.nodes;
    const sg = nodes.find((n) => n.id === 'hoglandet:styrgrupp-kommunomrade')!;
    expect(sg.parent).toMatchObject({ bodyId: 'hoglandet:beredningsgruppen', basis: 'INFERRED' });
    expect(sg.parent!.basisNote).toMatch(/other reading/);
    expect(sourceText('003_3bddda7b82c4b001.txt')).toContain(sg.parent!.quote.quote);
    // every other parent of the region is stated
    expect(nodes.filter((n) => n.parent && n.id !== sg.id).every((n) => n.parent!.basis === 'STATED')).toBe(true);
  });

  it('Örebro: the länsdelsgrupp\'s årsplanering is made once a year ("upprätta en årsplanering")', async () => {
    type P = {
      region: {
        plans: Array<{ id: string; revision: { text: string; minPerYear: number | null; maxPerYear: number | null; source: { quote: string } } | null }>;
      };
    };
    const plans = (await gqlOk<P>('{ region(code: "orebro") { plans { id revision { text minPerYear maxPerYear source { quote } } } } }')).region.plans;
    const p = plans.find((x) => x.id === 'orebro:lansdelsgrupp-arsplanering')!;
    expect(p.revision).toMatchObject({ text: 'en årsplanering', minPerYear: 1, maxPerYear: 1 });
    expect(sourceText('001_c8e7a0a63f5e6cbb.txt')).toContain(p.revision!.source.quote);
    expect(p.revision!.source.quote).toContain('Arbetsutskottet ansvarar för att upprätta en årsplanering');
  });

  it('Kalmar: the structure-wide minutes rule and the skolchefer in Länsgemensam ledning are served as inferred readings, with their basis', async () => {
    type K = {
      region: {
        bodies: Array<{
          id: string;
          minutes: { kept: boolean | null; basis: string; basisNote: string | null; source: { quote: string } } | null;
          composition: Array<{ function: string; basis: string; basisNote: string | null; source: { quote: string } }>;
        }>;
      };
    };
    const bodies = (
      await gqlOk<K>(
        '{ region(code: "kalmar") { bodies { id minutes { kept basis basisNote source { quote } } composition { function basis basisNote source { quote } } } } }',
      )
    ).region.bodies;
    const doc = sourceText('002_b6f78db4ef6f618f.txt');
    const ledning = bodies.find((b) => b.id === 'kalmar:lansgemensam-ledning')!;
    expect(ledning.minutes).toMatchObject({ kept: true, basis: 'INFERRED' });
    expect(ledning.minutes!.basisNote).toMatch(/other reading/);
    expect(doc).toContain(ledning.minutes!.source.quote);
    const skolchefer = ledning.composition.find((m) => m.function === 'skolchefer')!;
    expect(skolchefer).toMatchObject({
      basis: 'INFERRED',
      source: { quote: expect.stringContaining('Länets skolchefer deltar i möten med länsgemensam ledning') },
    });
    expect(skolchefer.basisNote).toMatch(/other reading/);
    // the members the composition sentence names are stated
    expect(ledning.composition.filter((m) => m.source.quote.startsWith('Länsgemensam ledning består av')).every((m) => m.basis === 'STATED')).toBe(true);
  });
});
