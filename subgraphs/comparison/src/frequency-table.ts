/** The meeting-frequency table: bodies with a documented regular frequency, ranked across regions. */
import { filterableBody, matchesBodyFilter, type Body, type BodyFilter } from '@samverkan/shared';
import type { FrequencyRow } from './landscape';

const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

export function frequencyTable(bodies: Body[], filter: BodyFilter | null | undefined, regionOrder: string[]): FrequencyRow[] {
  const rows = bodies
    .filter((b) => b.cadence && matchesBodyFilter(filterableBody(b), filter))
    .map((b) => ({
      rank: 0,
      regionCode: b.regionCode,
      bodyId: b.id,
      bodyName: b.name,
      level: b.level,
      kind: b.kind,
      minPerYear: b.cadence!.minPerYear,
      maxPerYear: b.cadence!.maxPerYear,
      approximate: b.cadence!.approximate,
      cadence: b.cadence!,
    }));
  rows.sort((a, b) => desc(a.minPerYear, b.minPerYear) || desc(a.maxPerYear, b.maxPerYear)
    || regionOrder.indexOf(a.regionCode) - regionOrder.indexOf(b.regionCode) || a.bodyName.localeCompare(b.bodyName, 'sv'));
  rows.forEach((r, i) => { r.rank = i + 1; });
  return rows;
}
