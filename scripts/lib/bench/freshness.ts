/**
 * The freshness lag (`npm run bench`, at BENCH_COMPARE_SCALE): the last region restarts with one body
 * renamed; how long until a comparison answer through the gateway shows it, from the restart and from
 * the moment the region answered /health. Null (with a warning) when it is not seen within `timeoutMs`.
 */
import { post, waitFor } from './measure';
import type { Stack } from './stack';
import type { Operation } from './workload';

export async function freshnessLag(
  stack: Stack,
  timeoutMs: number,
): Promise<{ freshnessLagSeconds: number | null; freshnessLagFromHealthySeconds: number | null }> {
  const code = 'samla';
  const marker = `(ändrad ${Date.now()})`;
  const probe: Operation = { name: 'probe', query: 'query Probe { landscape { bodies(filter: { regions: ["samla"] }, first: 1) { nodes { name } } } }' };
  let freshnessLagSeconds: number | null = null;
  let freshnessLagFromHealthySeconds: number | null = null;
  try {
    const t0 = await stack.restartRegion(code, marker);
    const healthy = Date.now();
    await waitFor(
      'changed data in a comparison answer',
      async () => (await post(stack.gateway, probe))?.data?.landscape?.bodies?.nodes?.[0]?.name?.includes(marker),
      timeoutMs,
      20,
    );
    freshnessLagSeconds = (Date.now() - t0) / 1000;
    freshnessLagFromHealthySeconds = (Date.now() - healthy) / 1000;
    console.log(
      `  freshness lag: ${freshnessLagSeconds.toFixed(2)} s from the restart, ${freshnessLagFromHealthySeconds.toFixed(2)} s after the region answered /health`,
    );
  } catch (e) {
    console.warn(`  freshness lag not measured: ${(e as Error).message}`);
  }
  return { freshnessLagSeconds, freshnessLagFromHealthySeconds };
}
