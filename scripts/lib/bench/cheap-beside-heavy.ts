/**
 * Issue #14 in `npm run bench` (at BENCH_COMPARE_SCALE): a cheap query's latency through the gateway
 * (cache off) while 10 clients send the heaviest operation that passes every limit (two full
 * landscapes), reported in the row named CHEAP_BESIDE_HEAVY.
 */
import { loadMix, type LoadResult } from './measure';
import type { TargetResult } from './report';
import type { Operation } from './workload';

/** The heavy operation (two full landscapes, within every limit) and the cheap one sent beside it. */
const HEAVY: Operation = {
  name: 'heavy',
  query: `{ ${['a', 'b'].map((a) => `${a}: landscape { missingRegions rolesCrosswalk { rows { kind } } functionalCrosswalk { functions { function } } reportingChains { regions { regionCode } } comparisonMatrix { columns } frequencySummary { regions { regionCode } } }`).join(' ')} }`,
};
const CHEAP: Operation = { name: 'cheap', query: '{ regions { code name } }' };
export const CHEAP_BESIDE_HEAVY = 'cheap `{ regions { code name } }` beside 10 clients of two full landscapes (cache off)';

/** The cheap query (2 connections) beside 10 heavy clients for `seconds`: the report row, and both loads. */
export async function cheapBesideHeavy(gateway: string, seconds: number): Promise<{ row: TargetResult; heavy: LoadResult; cheap: LoadResult }> {
  const [heavy, cheap] = await Promise.all([loadMix(gateway, [HEAVY], 10, seconds), loadMix(gateway, [CHEAP], 2, seconds)]);
  const row: TargetResult = {
    target: CHEAP_BESIDE_HEAVY,
    connections: 2,
    result: cheap,
    same: null,
    note: `heavy: ${heavy.rps.toFixed(0)} req/s, ${heavy.errors} shed or refused`,
  };
  return { row, heavy, cheap };
}
