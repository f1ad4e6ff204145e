/**
 * Correct answers under concurrent load: many requests at once for the main comparison query through
 * the gateway, every one answered in full and exactly like the single request, none failed. Some
 * requests are identical (answered from the response cache), some differ by a comment (computed anew).
 * No clock is involved: a fixed number of requests, however long they take. Throughput and latency
 * are measured by `npm run bench`, never asserted here.
 */
import { describe, expect, inject, it } from 'vitest';
import { allBodies } from './support/data';

const COMPARISON_QUERY = `query Comparison {
  landscape {
    missingRegions
    meetingFrequencyTable { rank regionCode bodyId bodyName minPerYear maxPerYear approximate cadence { text source { quote } } }
  }
}`;
const CONCURRENCY = 16;
const REQUESTS = 400;

type Answer = {
  data?: {
    landscape: {
      missingRegions: string[];
      meetingFrequencyTable: Array<{ regionCode: string; bodyId: string; minPerYear: number | null; cadence: { text: string } }>;
    };
  };
  errors?: unknown[];
};

async function ask(query: string): Promise<{ status: number; body: Answer }> {
  const res = await fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('under concurrent load', () => {
  it(`answers ${REQUESTS} comparison queries, ${CONCURRENCY} at a time, each complete and equal to the single answer`, async () => {
    const single = await ask(`${COMPARISON_QUERY}\n# single`);
    expect(single.status).toBe(200);
    expect(single.body.errors).toBeUndefined();
    // complete: no region missing, and a row for every body with a cadence in the data files
    expect(single.body.data!.landscape.missingRegions).toEqual([]);
    const rows = single.body.data!.landscape.meetingFrequencyTable;
    // A stated frequency is a number ("regelbundet" alone is none: contract hasStatedFrequency).
    const expected = allBodies().filter((b) => b.cadence && (b.cadence.minPerYear !== null || b.cadence.maxPerYear !== null));
    expect(rows.map((r) => [r.bodyId, r.minPerYear, r.cadence.text]).sort()).toEqual(
      expected.map((b) => [b.id, b.cadence!.minPerYear, b.cadence!.text]).sort(),
    );

    let next = 0;
    const failures: string[] = [];
    const different: number[] = [];
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        // Every other request is new text (a cache miss, computed by the subgraphs); the rest repeat one text.
        const query = i % 2 === 0 ? `${COMPARISON_QUERY}\n# request ${i}` : `${COMPARISON_QUERY}\n# repeated`;
        try {
          const r = await ask(query);
          if (r.status !== 200 || r.body.errors) failures.push(`request ${i}: HTTP ${r.status} ${JSON.stringify(r.body.errors ?? '')}`);
          else if (JSON.stringify(r.body.data) !== JSON.stringify(single.body.data)) different.push(i);
        } catch (e) {
          failures.push(`request ${i}: ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(next).toBe(REQUESTS);
    expect(failures).toEqual([]);
    expect(different).toEqual([]);
  }, 120_000);
});
