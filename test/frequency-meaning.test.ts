/**
 * One meaning of "has a stated frequency" (contract: hasStatedFrequency): the text gives a number, a
 * minimum or a maximum. A cadence without one ("regelbundet", "vid behov") is neither ranked in the
 * frequency table nor counted with a frequency, and every duty filter says the same. And the table's
 * order at an equal minimum: an exact statement ("minst sex") above an approximate one ("cirka sex").
 * Expected answers come from the data files, through the gateway.
 */
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { gqlOk } from './support/client';
import { allBodies, dataFiles } from './support/data';

type Row = { rank: number; bodyId: string; minPerYear: number | null; approximate: boolean; cadence: { text: string } };
const numbered = (c: { minPerYear: number | null; maxPerYear: number | null } | null | undefined) =>
  c != null && (c.minPerYear !== null || c.maxPerYear !== null);

describe('has a stated frequency', () => {
  it('ranks exactly the bodies whose cadence has a number, and counts the rest without a frequency', async () => {
    const data = await gqlOk<{
      landscape: {
        meetingFrequencyTable: Row[];
        frequencySummary: { regions: Array<{ regionCode: string; bodiesWithoutFrequency: number; bodiesWithoutFrequencyList: Array<{ id: string }> }> };
      };
    }>(
      `{ landscape { meetingFrequencyTable(first: 500) { rank bodyId minPerYear approximate cadence { text } }
         frequencySummary(first: 500) { regions { regionCode bodiesWithoutFrequency bodiesWithoutFrequencyList { id } } } } }`,
    );
    const bodies = allBodies();
    expect(data.landscape.meetingFrequencyTable.map((r) => r.bodyId).sort()).toEqual(
      bodies
        .filter((b) => numbered(b.cadence))
        .map((b) => b.id)
        .sort(),
    );
    for (const r of REGIONS) {
      const without = bodies.filter((b) => b.regionCode === r.code && !numbered(b.cadence)).map((b) => b.id);
      const summary = data.landscape.frequencySummary.regions.find((x) => x.regionCode === r.code);
      if (!summary) continue; // a region with no bodies may have no summary row
      expect(summary.bodiesWithoutFrequency, r.code).toBe(without.length);
      expect(
        summary.bodiesWithoutFrequencyList.map((b) => b.id),
        r.code,
      ).toEqual(without);
    }
    // The case that had two meanings: a cadence stated without a number is in the list, not the table.
    const wordsOnly = bodies.filter((b) => b.cadence && !numbered(b.cadence));
    for (const b of wordsOnly) {
      expect(data.landscape.meetingFrequencyTable.map((x) => x.bodyId)).not.toContain(b.id);
      expect(data.landscape.frequencySummary.regions.find((x) => x.regionCode === b.regionCode)!.bodiesWithoutFrequencyList.map((x) => x.id)).toContain(b.id);
    }
  });

  it('ranks an exact minimum above an approximate one of the same number', async () => {
    const { landscape } = await gqlOk<{ landscape: { meetingFrequencyTable: Row[] } }>(
      '{ landscape { meetingFrequencyTable(first: 500) { rank bodyId minPerYear approximate cadence { text } } } }',
    );
    const rows = landscape.meetingFrequencyTable;
    for (const a of rows) {
      for (const b of rows) {
        if (a.minPerYear !== null && a.minPerYear === b.minPerYear && !a.approximate && b.approximate)
          expect(a.rank, `${a.cadence.text} / ${b.cadence.text}`).toBeLessThan(b.rank);
      }
    }
  });

  it('filters reporting duties by the same meaning', async () => {
    const ask = async (hasFrequency: boolean) =>
      (
        await gqlOk<{ landscape: { reportingDuties: { dutyCount: number } } }>(
          `{ landscape { reportingDuties(filter: { hasFrequency: ${hasFrequency} }, first: 500) { dutyCount } } }`,
        )
      ).landscape.reportingDuties;
    const duties = REGIONS.flatMap((r) =>
      dataFiles(r.code).flatMap((f) => f.reportingDuties.map((d) => ({ regionCode: r.code, id: d.id, cadence: d.cadence }))),
    );
    expect((await ask(true)).dutyCount).toBe(duties.filter((d) => numbered(d.cadence)).length);
    expect((await ask(false)).dutyCount).toBe(duties.filter((d) => !numbered(d.cadence)).length);
  });
});
