/**
 * Issue #26's fairness and cheap-path figures, measured beside the side-by-side runs.
 *
 * Fairness: a cheap query (`{ regions { code name } }`, answered from the response cache) sent by 2
 * connections, beside ten clients of the heaviest operation the limits admit (the most aliases of the
 * two-landscape operation below that the gateway's default limits run). The heavy clients run in a
 * worker thread (their own event loop: the cheap query's latency is not the load generator's own
 * queueing) and send every request with a new `nonce` variable, so none is a cache hit or merged.
 * Twice, on gateways of this stack with the deployed defaults: the per-client rate limit off, and on
 * at FAIRNESS_RATE_LIMIT requests a minute (so that within the run the heavy clients' stream is
 * mostly 429 refusals).
 *
 * One repeated query: the frequency-table query alone, over and over, on our gateway and Hive
 * Gateway with their response caches, and on the ceiling (a bare Node server sending the same bytes).
 */
import type { ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { REGIONS, urlVar } from '@samverkan/contract';
import { spawnService, stopChild } from '../federation';
import { loadMix, post, type LoadResult } from './measure';
import { PORTS, type Services, type Stack } from './stack';
import type { TargetResult } from './report';
import { dashboardOperations, type Operation } from './workload';

export const FAIRNESS_TARGET_MS = 100;
export const FAIRNESS_RATE_LIMIT = 60;
export const fairnessTarget = (rateLimit: boolean) =>
  `fairness: cheap cache hit beside 10 clients of the heaviest admitted operation, rate limit ${rateLimit ? `on (${FAIRNESS_RATE_LIMIT}/min)` : 'off'}`;
export const REPEATED_TARGETS = ['our gateway, cache on', 'Hive Gateway (Rust planner), response cache on', 'ceiling (bare Node HTTP, same bytes)'];
export const repeatedTarget = (target: string) => `one repeated query (dashboard/frequency): ${target}`;

const CHEAP: Operation = { name: 'cheap', query: '{ regions { code name } }' };
const LANDSCAPE =
  'landscape { missingRegions rolesCrosswalk { rows { kind } } functionalCrosswalk { functions { function } } reportingChains { regions { regionCode } } comparisonMatrix { columns } frequencySummary { regions { regionCode } } }';
const heavyQuery = (aliases: number) => `query Heavy { ${Array.from({ length: aliases }, (_, i) => `h${i}: ${LANDSCAPE}`).join(' ')} }`;

/** The most aliases (15 down to 1) of the landscape selection the gateway runs without refusing it. */
async function heaviestAdmitted(url: string): Promise<string> {
  for (let n = 15; n > 1; n--) {
    const answer = await post(url, { name: 'heavy', query: heavyQuery(n) });
    if (answer?.data && !answer.errors?.length) return heavyQuery(n);
  }
  return heavyQuery(1);
}

/** Ten closed-loop clients in a worker thread for `seconds`; statuses counted. */
function heavyClients(url: string, query: string, clients: number, seconds: number): Promise<Record<string, number>> {
  const code = `
    const { parentPort, workerData: { url, query, clients, seconds } } = require('node:worker_threads');
    const statuses = {};
    let nonce = 0;
    const end = Date.now() + seconds * 1000;
    const client = async () => {
      while (Date.now() < end) {
        try {
          const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { nonce: nonce++ } }), signal: AbortSignal.timeout(30000) });
          await r.arrayBuffer();
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        } catch { statuses.error = (statuses.error ?? 0) + 1; }
      }
    };
    Promise.all(Array.from({ length: clients }, client)).then(() => parentPort.postMessage(statuses));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, query, clients, seconds } });
    worker.once('message', (m) => {
      resolve(m as Record<string, number>);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const summary = (statuses: Record<string, number>, seconds: number) =>
  `heavy: ${Object.entries(statuses)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ')} (${(Object.values(statuses).reduce((a, b) => a + b, 0) / seconds).toFixed(0)} req/s)`;

/** Both fairness runs, each on a gateway of its own started here on the stack's subgraphs. */
export async function fairness(stack: Stack, services: Services, seconds: number): Promise<TargetResult[]> {
  const out: TargetResult[] = [];
  for (const rateLimit of [false, true]) {
    const port = PORTS.gateway + 400 + Number(rateLimit);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
      LOG_LEVEL: 'silent',
      GATEWAY_PORT: String(port),
      RATE_LIMIT_MAX: rateLimit ? String(FAIRNESS_RATE_LIMIT) : '0',
      ...Object.fromEntries(REGIONS.map((r) => [urlVar(r.code), stack.regionUrls[r.code]!])),
      COMPARISON_URL: stack.comparison,
    };
    let child: ChildProcess | undefined;
    try {
      child = await spawnService('gateway', port, env, 'ignore', undefined, services.track(`gateway-fairness-${rateLimit ? 'limited' : 'open'}`));
      const url = `http://127.0.0.1:${port}/graphql`;
      const heavy = await heaviestAdmitted(url);
      await post(url, CHEAP); // cached from here on
      const [statuses, cheap] = await Promise.all([heavyClients(url, heavy, 10, seconds), loadMix(url, [CHEAP], 2, seconds)]);
      const aliases = (heavy.match(/ h\d+: /g) ?? []).length;
      out.push({ target: fairnessTarget(rateLimit), connections: 2, result: cheap, same: null, note: `${aliases} aliases; ${summary(statuses, seconds)}` });
      console.log(
        `  ${fairnessTarget(rateLimit)}: p50 ${cheap.p50} ms, p99 ${cheap.p99} ms, ${cheap.rps.toFixed(0)} req/s, errors ${cheap.errors}; ${aliases} aliases, ${summary(statuses, seconds)}`,
      );
    } catch (e) {
      out.push({ target: fairnessTarget(rateLimit), connections: 2, result: null, same: null, note: `not measured: ${(e as Error).message}` });
    } finally {
      if (child) await stopChild(child);
    }
  }
  return out;
}

/** The frequency-table query alone, repeated, on each target of REPEATED_TARGETS that runs. */
export async function repeatedQuery(targets: Array<{ target: string; url: string | null }>, connections: number, seconds: number): Promise<TargetResult[]> {
  const op: Operation = { name: 'dashboard/frequency', query: dashboardOperations().FREQUENCY!, variables: { filter: null } };
  const out: TargetResult[] = [];
  for (const name of REPEATED_TARGETS) {
    const url = targets.find((t) => t.target === name)?.url;
    if (!url) {
      out.push({ target: repeatedTarget(name), connections, result: null, same: null, note: 'not running' });
      continue;
    }
    await post(url, op); // a hit from here on
    const result: LoadResult = await loadMix(url, [op], connections, seconds);
    out.push({ target: repeatedTarget(name), connections, result, same: null });
    console.log(
      `  ${repeatedTarget(name).padEnd(44)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`,
    );
  }
  return out;
}

/** The rows of the report's targets table (report.ts) for these figures, from the side-by-side targets. */
export function fairnessRows(targets: TargetResult[], met: (ok: boolean | null) => string): string[] {
  const of = (name: string) => targets.find((t) => t.target === name)?.result ?? null;
  const rows = [false, true].map((rateLimit) => {
    const r = of(fairnessTarget(rateLimit));
    return `| ${fairnessTarget(rateLimit)}: p99 < ${FAIRNESS_TARGET_MS} ms | ${r ? `${r.p99} ms (p50 ${r.p50} ms)` : 'n/a'} | ${met(r ? r.p99 < FAIRNESS_TARGET_MS : null)} |`;
  });
  const [ours, hive, ceiling] = REPEATED_TARGETS.map((t) => of(repeatedTarget(t)));
  const vsHive = ours && hive ? ours.rps / hive.rps : null;
  const vsCeiling = ours && ceiling ? ours.rps / ceiling.rps : null;
  const figure = ours
    ? `${ours.rps.toFixed(0)} req/s; ${vsHive === null ? 'Hive n/a' : `${vsHive.toFixed(2)}× Hive (${hive!.rps.toFixed(0)})`}; ${vsCeiling === null ? 'ceiling n/a' : `${vsCeiling.toFixed(3)}× the ceiling (${ceiling!.rps.toFixed(0)})`}`
    : 'n/a';
  rows.push(
    `| one repeated query (dashboard/frequency), both caches on: ≥ 2× Hive Gateway and ≥ 0.25× the ceiling | ${figure} | ${met(vsHive === null || vsCeiling === null ? null : vsHive >= 2 && vsCeiling >= 0.25)} |`,
  );
  return rows;
}
