/**
 * Issue 2 acceptance through the gateway: every region with real facts, and one cross-region aggregate.
 * The expected answers come from the registry and the data files, so a new region needs no edit here.
 */
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { gqlOk } from './support/client';
import { allBodies, bodiesOf } from './support/data';

interface RegionsAnswer {
  regions: Array<{
    code: string;
    name: string;
    bodies: Array<{ id: string; name: string; cadence: { minPerYear: number | null; maxPerYear: number | null; source: { quote: string } } | null }>;
  }>;
}

describe('the federation through the gateway', () => {
  it('returns every registered region with exactly the bodies of its data files', async () => {
    const data = await gqlOk<RegionsAnswer>('{ regions { code name bodies { id name cadence { minPerYear maxPerYear source { quote } } } } }');
    expect(data.regions.map((r) => r.code)).toEqual(REGIONS.map((r) => r.code));
    for (const region of data.regions) {
      expect(region.name).toBe(REGIONS.find((r) => r.code === region.code)!.name);
      const expected = bodiesOf(region.code);
      expect(region.bodies.map((b) => [b.id, b.name])).toEqual(expected.map((b) => [b.id, b.name]));
      expect(region.bodies.map((b) => b.cadence && [b.cadence.minPerYear, b.cadence.maxPerYear, b.cadence.source.quote])).toEqual(
        expected.map((b) => (b.cadence ? [b.cadence.minPerYear, b.cadence.maxPerYear, b.cadence.source.quote] : null)),
      );
    }
    // Two facts read from the documents by hand: SAMLA's "cirka 2–3 gånger per halvår", Kalmar's "Två gånger varje år".
    const samla = data.regions.find((r) => r.code === 'samla')!;
    const group = samla.bodies.find((b) => b.name.startsWith('Samordningsgruppen'))!;
    expect(group.cadence).toMatchObject({ minPerYear: 4, maxPerYear: 6 });
    expect(group.cadence!.source.quote).toContain('cirka 2–3 gånger per halvår');
    const kalmar = data.regions.find((r) => r.code === 'kalmar')!;
    expect(kalmar.bodies.find((b) => b.name === 'Gemensam presidiekonferens')!.cadence).toMatchObject({ minPerYear: 2, maxPerYear: 2 });
  });

  it('answers a cross-region aggregate in one request, ranked and filtered', async () => {
    const data = await gqlOk<{
      landscape: {
        missingRegions: string[];
        all: Array<{ rank: number; regionCode: string; bodyId: string; minPerYear: number | null }>;
        frequent: Array<{ regionCode: string; bodyId: string; bodyName: string; minPerYear: number }>;
      };
    }>(`{
      landscape {
        missingRegions
        all: meetingFrequencyTable { rank regionCode bodyId minPerYear }
        frequent: meetingFrequencyTable(filter: { meetsAtLeast: 6 }) { regionCode bodyId bodyName minPerYear }
      }
    }`);
    expect(data.landscape.missingRegions).toEqual([]);
    // Every body with a stated frequency (a number: "regelbundet" alone is none), and no other (the data files say which).
    const withCadence = allBodies().filter((b) => b.cadence && (b.cadence.minPerYear !== null || b.cadence.maxPerYear !== null));
    const sorted = (rows: Array<{ bodyId: string; minPerYear: number | null }>) => rows.map((r) => [r.bodyId, r.minPerYear] as const).sort();
    expect(sorted(data.landscape.all)).toEqual(sorted(withCadence.map((b) => ({ bodyId: b.id, minPerYear: b.cadence!.minPerYear }))));
    expect(data.landscape.all.map((r) => r.rank)).toEqual(data.landscape.all.map((_, i) => i + 1));
    // Ranked: no row meets less often (documented minimum) than a row below it.
    const mins = data.landscape.all.map((r) => r.minPerYear ?? -1);
    expect(mins).toEqual([...mins].sort((a, b) => b - a));
    // meetsAtLeast 6: exactly the bodies whose documented minimum is 6 or more.
    const frequent = withCadence.filter((b) => b.cadence!.minPerYear !== null && b.cadence!.minPerYear >= 6);
    expect(data.landscape.frequent.map((r) => r.bodyId).sort()).toEqual(frequent.map((b) => b.id).sort());
    expect(data.landscape.frequent.map((r) => r.bodyName)).toContain('Chefsgrupp för social välfärd samt vård och omsorg');
  });
});
