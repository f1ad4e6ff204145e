/**
 * A bounded load loop on loopback: `concurrency` workers send `body` to `url` until `durationMs` has
 * passed or `maxRequests` were sent, and record what came back. For tests that need to look at each
 * answer (partial data, clear errors); raw throughput is measured with autocannon in `npm run bench`.
 */
export interface LoadResult {
  sent: number;
  statuses: Record<number, number>;
  /** Responses with data for the main field. */
  withData: number;
  /** Transport failures (connection refused or reset). */
  failures: number;
  errorMessages: Set<string>;
}

export async function runLoad(
  url: string,
  body: unknown,
  opts: { concurrency: number; durationMs: number; maxRequests: number; hasData: (json: any) => boolean },
): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, statuses: {}, withData: 0, failures: 0, errorMessages: new Set() };
  const deadline = Date.now() + opts.durationMs;
  const payload = JSON.stringify(body);
  const worker = async () => {
    while (Date.now() < deadline && result.sent < opts.maxRequests) {
      result.sent++;
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, signal: AbortSignal.timeout(10_000) });
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        const json = (await res.json()) as { errors?: Array<{ message: string }> };
        if (opts.hasData(json)) result.withData++;
        for (const e of json.errors ?? []) result.errorMessages.add(e.message);
      } catch {
        result.failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return result;
}
