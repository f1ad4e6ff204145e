/**
 * A hung comparison subgraph (its process stopped with SIGSTOP: the kernel still accepts connections,
 * nothing answers) costs milliseconds once its circuit is open, and the registry lookups (`regions`,
 * `region(code:)`, `landscape`'s regions) answer in full from the registry and the regions themselves;
 * after SIGCONT the comparison answers again. Runs its own comparison and gateway over the test
 * federation's regions, so the shared comparison is never stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { eventually, gql, type GraphQLResponse } from './support/client';
import { testPort } from './support/ports';
import { Services, testServiceEnv } from './support/services';

const GATEWAY_PORT = testPort(16200);
const COMPARISON_PORT = testPort(16205);
const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const TIMEOUT_MS = 1000;
const FAILURES = 3;
const HALF_OPEN_MS = 15_000;
const FAST_MS = 1000;

const other = REGIONS[REGIONS.length - 1]!.code;
const LOOKUPS = [
  '{ regions { code name } }',
  `{ region(code: "${other}") { code name } }`,
  '{ landscape { regions { code name } } }',
  '{ region(code: "no-such-region") { code } }',
];
const COMPARISON_ONLY = '{ landscape { missingRegions } }';

const services = new Services();
let comparison: ChildProcess | undefined;

beforeAll(async () => {
  const env = testServiceEnv('breaker_', { comparison: `http://127.0.0.1:${COMPARISON_PORT}/graphql` });
  comparison = (await services.start('subgraphs/comparison', COMPARISON_PORT, { ...env, COMPARISON_PORT: String(COMPARISON_PORT) }, { timeoutMs: 180_000 }))
    .child;
  await services.start('gateway', GATEWAY_PORT, {
    ...env,
    GATEWAY_PORT: String(GATEWAY_PORT),
    SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    SUBGRAPH_RETRIES: '1',
    SUBGRAPH_BREAKER_FAILURES: String(FAILURES),
    SUBGRAPH_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
  });
}, 300_000);

afterAll(async () => {
  if (comparison?.pid && comparison.exitCode === null) process.kill(comparison.pid, 'SIGCONT'); // a stopped process cannot stop
  await services.stopAll();
});

const timed = async (query: string): Promise<{ ms: number; r: GraphQLResponse<unknown> }> => {
  const start = performance.now();
  const r = await gql(query, undefined, gateway);
  return { ms: performance.now() - start, r };
};
const bodyOf = ({ data, errors }: GraphQLResponse<unknown>) => ({ data, messages: errors?.map((e) => e.message) });

describe('a hung comparison subgraph', () => {
  it('fails fast once its circuit is open, the registry lookups answer from the registry and the regions, and it recovers', async () => {
    const before = await Promise.all(LOOKUPS.map((q) => gql(q, undefined, gateway)));
    expect((before[0]!.data as { regions: Array<{ code: string }> }).regions.map((r) => r.code)).toEqual(REGIONS.map((r) => r.code));
    expect(before[3]!.errors![0]!.message).toMatch(/^Unknown region code\(s\): no-such-region\./);
    expect((await gql(COMPARISON_ONLY, undefined, gateway)).errors).toBeUndefined();

    process.kill(comparison!.pid!, 'SIGSTOP');
    // Requests that need the comparison time out (TIMEOUT_MS, retried once) until FAILURES in a row open the circuit.
    let opened = false;
    for (let i = 0; i < FAILURES + 2 && !opened; i++) {
      const { r } = await timed(COMPARISON_ONLY);
      expect(r.errors![0]!.extensions!.code).toBe('SUBGRAPH_UNAVAILABLE');
      opened = /circuit open/.test(r.errors![0]!.message);
    }
    expect(opened).toBe(true);

    // Open: the comparison's own question fails in milliseconds, naming it ...
    const refused = await timed(COMPARISON_ONLY);
    expect(refused.ms).toBeLessThan(FAST_MS);
    expect(refused.r.errors![0]!.message).toMatch(/^Subgraph "comparison" did not answer \(circuit open/);
    // ... and every lookup gives what it gave with the comparison up, as fast.
    for (const [i, query] of LOOKUPS.entries()) {
      const { ms, r } = await timed(query);
      expect(bodyOf(r), query).toEqual(bodyOf(before[i]!));
      expect(ms, query).toBeLessThan(FAST_MS);
    }

    process.kill(comparison!.pid!, 'SIGCONT');
    // After HALF_OPEN_MS one request probes it; its answer closes the circuit.
    await eventually(
      async () => {
        const r = await gql<{ landscape: { missingRegions: string[] } }>(COMPARISON_ONLY, undefined, gateway);
        expect(r.errors).toBeUndefined();
        expect(r.data!.landscape.missingRegions).toEqual([]);
      },
      HALF_OPEN_MS + 30_000,
      500,
    );
  }, 120_000);
});
