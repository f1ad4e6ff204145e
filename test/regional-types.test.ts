/** What makes each region itself, in its own types, mapped to the shared vocabulary (through the gateway). */
import { describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';

describe('region-specific types', () => {
  it('Örebro: three levels, each mapped to the shared Level with its bodies; four unnamed länsdelar', async () => {
    const { orebro } = await gqlOk<{ orebro: { structureLevels: Array<{ name: string; level: string; bodies: Array<{ name: string; level: string }>; source: { quote: string } }>; lansdelsindelning: { count: number; names: string[] } } }>(
      '{ orebro { structureLevels { name level bodies { name level } source { quote } } lansdelsindelning { count names } } }');
    expect(orebro.structureLevels.map((l) => [l.name, l.level])).toEqual([
      ['Makro/strategisk nivå', 'STRATEGIC'], ['Meso/taktisk nivå', 'TACTICAL'], ['Mikro/operativ nivå', 'OPERATIONAL'],
    ]);
    const strategic = orebro.structureLevels[0]!;
    expect(strategic.bodies.map((b) => b.name)).toContain('Chefsgrupp för social välfärd samt vård och omsorg');
    for (const l of orebro.structureLevels) for (const b of l.bodies) expect(b.level).toBe(l.level);
    expect(orebro.structureLevels[1]!.bodies.map((b) => b.name)).toContain('Länsdelsgrupp');
    expect(orebro.lansdelsindelning).toEqual({ count: 4, names: [] });
  });

  it('Kalmar: the presidiekonferens meets twice a year and decides the two-year steering document every other year', async () => {
    const { kalmar } = await gqlOk<{ kalmar: { presidiekonferens: { body: { cadence: { minPerYear: number; maxPerYear: number } }; steeringDocument: { revision: { text: string; minPerYear: number } } }; userRepresentation: { roleKind: string; seatsInLansgemensamLedning: number; perSamordnandeGrupp: number; supportingUtvecklingsledare: number } } }>(
      '{ kalmar { presidiekonferens { body { cadence { minPerYear maxPerYear } } steeringDocument { revision { text minPerYear } } } userRepresentation { roleKind seatsInLansgemensamLedning perSamordnandeGrupp supportingUtvecklingsledare } } }');
    expect(kalmar.presidiekonferens.body.cadence).toEqual({ minPerYear: 2, maxPerYear: 2 });
    expect(kalmar.presidiekonferens.steeringDocument.revision).toEqual({ text: 'vart annat år', minPerYear: 0.5 });
    expect(kalmar.userRepresentation).toEqual({ roleKind: 'USER_REPRESENTATIVE', seatsInLansgemensamLedning: 2, perSamordnandeGrupp: 1, supportingUtvecklingsledare: 2 });
  });

  it('Höglandet: four rehabilitation actors, not named; six kommunområden', async () => {
    const { hoglandet } = await gqlOk<{ hoglandet: { rehabilitationActors: { count: number; named: boolean; source: { quote: string } }; kommunomradesindelning: { count: number } } }>(
      '{ hoglandet { rehabilitationActors { count named source { quote } } kommunomradesindelning { count } } }');
    expect(hoglandet.rehabilitationActors).toMatchObject({ count: 4, named: false });
    expect(hoglandet.rehabilitationActors.source.quote).toMatch(/fyra/);
    expect(hoglandet.kommunomradesindelning.count).toBe(6);
  });

  it('SAMLA: the chair rotates yearly and follows the political group; representatives cannot appoint substitutes', async () => {
    const { samla } = await gqlOk<{ samla: { chairRotationRule: { chair: { term: string; source: { quote: string } }; viceChair: { selection: string }; followsBodyId: string; rules: Array<{ name: string }> }; representation: { substitutes: { rule: string; source: { quote: string } } } } }>(
      '{ samla { chairRotationRule { chair { term source { quote } } viceChair { selection } followsBodyId rules { name } } representation { substitutes { rule source { quote } } } } }');
    expect(samla.chairRotationRule.chair.source.quote).toContain('mandatperiod om ett år');
    expect(samla.chairRotationRule.followsBodyId).toBe('samla:politiska-samradsgruppen');
    expect(samla.chairRotationRule.rules.length).toBe(4);
    expect(samla.representation.substitutes.rule).toBe('FORBIDDEN');
    expect(samla.representation.substitutes.source.quote).toContain('kan representanterna inte utse ersättare');
  });
});
