/**
 * A sustained, bounded load run on loopback (autocannon) on the main comparison query through the
 * gateway: zero failed requests. Throughput and latency targets are measured by `npm run bench`,
 * never asserted here.
 */
import autocannon from 'autocannon';
import { describe, expect, inject, it } from 'vitest';

const COMPARISON_QUERY = `query Comparison {
  landscape {
    missingRegions
    meetingFrequencyTable { rank regionCode bodyName minPerYear maxPerYear approximate cadence { text source { quote } } }
  }
}`;

describe('sustained load', () => {
  it('serves the comparison query for 5 seconds at 10 connections with no failed request', async () => {
    const result = await autocannon({
      url: inject('gatewayUrl'),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: COMPARISON_QUERY }),
      connections: 10,
      duration: 5,
      timeout: 10,
    });
    expect(result.requests.total).toBeGreaterThan(50);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
  }, 30_000);
});
