/**
 * The meeting-frequency table: bodies with a documented regular frequency, ranked across regions.
 * Filtered and ordered in PostgreSQL (read-model/body-query.ts: most frequent first by documented
 * minimum, then maximum, then registry order, then name in Swedish collation); ranked here.
 */
import type { Body } from '@samverkan/contract';
import type { FrequencyRow } from './landscape';

export function frequencyTable(ranked: Body[]): FrequencyRow[] {
  return ranked.map((b, i) => ({
    rank: i + 1,
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
}
