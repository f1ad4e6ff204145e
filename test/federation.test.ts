/** Issue 2 acceptance through the gateway: every region with real facts, and one cross-region aggregate. */
import { describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';

interface RegionsAnswer {
  regions: Array<{ code: string; name: string; bodies: Array<{ id: string; name: string; cadence: { minPerYear: number | null; maxPerYear: number | null; source: { quote: string } } | null }> }>;
}

describe('the federation through the gateway', () => {
  it('returns all four regions with bodies from their documents', async () => {
    const data = await gqlOk<RegionsAnswer>('{ regions { code name bodies { id name cadence { minPerYear maxPerYear source { quote } } } } }');
    expect(data.regions.map((r) => r.code)).toEqual(['orebro', 'kalmar', 'hoglandet', 'samla']);
    for (const region of data.regions) {
      expect(region.name).toBeTruthy();
      expect(region.bodies.length).toBeGreaterThanOrEqual(2);
      for (const b of region.bodies) expect(b.id.startsWith(`${region.code}:`)).toBe(true);
    }
    const samla = data.regions.find((r) => r.code === 'samla')!;
    const group = samla.bodies.find((b) => b.name.startsWith('Samordningsgruppen'))!;
    expect(group.cadence).toMatchObject({ minPerYear: 4, maxPerYear: 6 });
    expect(group.cadence!.source.quote).toContain('cirka 2–3 gånger per halvår');
    const kalmar = data.regions.find((r) => r.code === 'kalmar')!;
    expect(kalmar.bodies.find((b) => b.name === 'Gemensam presidiekonferens')!.cadence).toMatchObject({ minPerYear: 2, maxPerYear: 2 });
  });

  it('answers a cross-region aggregate in one request, ranked and filtered', async () => {
    const data = await gqlOk<{ landscape: { missingRegions: string[]; all: Array<{ rank: number; regionCode: string; minPerYear: number | null }>; frequent: Array<{ regionCode: string; bodyName: string; minPerYear: number }> } }>(`{
      landscape {
        missingRegions
        all: meetingFrequencyTable { rank regionCode minPerYear }
        frequent: meetingFrequencyTable(filter: { meetsAtLeast: 6 }) { regionCode bodyName minPerYear }
      }
    }`);
    expect(data.landscape.missingRegions).toEqual([]);
    const regions = new Set(data.landscape.all.map((r) => r.regionCode));
    expect([...regions].sort()).toEqual(['kalmar', 'orebro', 'samla']); // Höglandet states no meeting frequency
    expect(data.landscape.all.map((r) => r.rank)).toEqual(data.landscape.all.map((_, i) => i + 1));
    expect(data.landscape.frequent.length).toBeGreaterThan(0);
    for (const row of data.landscape.frequent) expect(row.minPerYear).toBeGreaterThanOrEqual(6);
    expect(data.landscape.frequent.map((r) => r.bodyName)).toContain('Chefsgrupp för social välfärd samt vård och omsorg');
  });
});
