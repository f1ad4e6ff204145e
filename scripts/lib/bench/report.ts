/** The benchmark's report: docs/benchmarks.json (raw) and docs/BENCHMARKS.md (tables, ratios, targets). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';
import type { LoadResult, OperationLatency } from './measure';
import { fairnessRows } from './fairness';

export interface TargetResult {
  target: string;
  connections: number;
  result: LoadResult | null;
  same: { same: number; of: number; differing: string[] } | null;
  peakRssMb?: number | null;
  note?: string;
}
export interface ScaleResult {
  bodiesPerRegion: number;
  counts: { bodies: number; roles: number; reportingDuties: number };
  operations: number;
  answerBytesPerMix: number;
  operationErrors: string[];
  mix: LoadResult;
  sqlPerRequest: number;
  hot: LoadResult;
  hotSqlPerRequest: number;
  hotOperations: string[];
  /** The search operations alone (landscape.search); absent in runs from before search existed. */
  search?: LoadResult;
  searchOperations?: string[];
  syncSeconds: number;
  regionStartSeconds: number;
  peakRssMb: Record<string, number | null>;
  error: string | null;
  serviceExited?: string[];
  /** Each operation alone (measure.ts perOperation); absent in runs from before it was measured. */
  perOperation?: OperationLatency[];
}
export interface Report {
  date: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  versions: Record<string, string>;
  operations: string[];
  scales: ScaleResult[];
  sideBySide: { bodiesPerRegion: number; targets: TargetResult[] } | null;
  freshnessLagSeconds: number | null;
  freshnessLagFromHealthySeconds: number | null;
  seconds: number;
  /** A report merged from runs of different scales (mergeReports): each run's start, scales, load and length. */
  runs?: Array<{ date: string; scales: number[]; loadAverageAtStart: number[]; seconds: number }>;
}

/**
 * Runs of different scales as one report (BENCH_MERGE): the scales of all, in order of size; the
 * side-by-side runs and freshness lag of the run that has them; each run's start, load and length kept.
 */
export function mergeReports(reports: Report[]): Report {
  const [first, ...rest] = [...reports].sort((a, b) => a.date.localeCompare(b.date));
  if (!first) throw new Error('no report to merge');
  const side = reports.find((r) => r.sideBySide) ?? first;
  const runs = reports.flatMap(
    (r) =>
      r.runs ?? [
        { date: r.date, scales: r.scales.map((s) => s.bodiesPerRegion), loadAverageAtStart: r.machine.loadAverageAtStart as number[], seconds: r.seconds },
      ],
  );
  return {
    ...first,
    settings: { ...first.settings, scales: [...new Set(reports.flatMap((r) => r.scales.map((s) => s.bodiesPerRegion)))].sort((a, b) => a - b) },
    scales: reports.flatMap((r) => r.scales).sort((a, b) => a.bodiesPerRegion - b.bodiesPerRegion),
    sideBySide: side.sideBySide,
    freshnessLagSeconds: side.freshnessLagSeconds,
    freshnessLagFromHealthySeconds: side.freshnessLagFromHealthySeconds,
    seconds: Math.max(...reports.map((r) => r.seconds)),
    runs: rest.length ? runs : first.runs,
  };
}

const NOTES = join(ROOT, 'docs', 'benchmarks-notes.md');

export function versions(): Record<string, string> {
  const v = (dir: string) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
    } catch {
      return 'not installed';
    }
  };
  return {
    '@apollo/gateway': v(join(ROOT, 'node_modules', '@apollo', 'gateway')),
    '@apollo/server': v(join(ROOT, 'node_modules', '@apollo', 'server')),
    '@graphql-hive/gateway': v(join(ROOT, 'bench', 'peer', 'node_modules', '@graphql-hive', 'gateway')),
    '@graphql-hive/router-runtime': v(join(ROOT, 'bench', 'peer', 'node_modules', '@graphql-hive', 'router-runtime')),
    autocannon: v(join(ROOT, 'node_modules', 'autocannon')),
  };
}

/** A scale whose comparison stopped answering (it exited): its load figures are of error answers. */
export const serviceDied = (s: ScaleResult) => Boolean(s.serviceExited?.length) || (s.operationErrors ?? []).some((e) => /ECONNREFUSED/.test(e));

const n = (x: number | null | undefined, d = 0) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));

export function ratios(r: Report) {
  const t = (name: string, c = 20) => r.sideBySide?.targets.find((x) => x.target === name && x.connections === c)?.result ?? null;
  const conn = Number(r.settings.connections);
  const off = t('our gateway, cache off', conn);
  const on = t('our gateway, cache on', conn);
  const hiveOff = t('Hive Gateway (Rust planner), caches off', conn);
  const hiveOn = t('Hive Gateway (Rust planner), response cache on', conn);
  const at50 = t('our gateway, cache off', 50);
  const cheap = r.sideBySide?.targets.find((x) => x.target.startsWith('cheap `') && x.result)?.result ?? null;
  const scale = (b: number) => r.scales.find((s) => s.bodiesPerRegion === b && !s.error && !serviceDied(s));
  const big = r.scales.find((s) => s.bodiesPerRegion === 50000);
  const maxRss = big && !big.error ? Math.max(...Object.values(big.peakRssMb).map((x) => x ?? 0)) : null;
  return {
    uncachedVsHive: off && hiveOff ? off.rps / hiveOff.rps : null,
    cachedVsHiveCached: on && hiveOn ? on.rps / hiveOn.rps : null,
    p50At5000Vs50: scale(5000) && scale(50) ? scale(5000)!.mix.p50 / scale(50)!.mix.p50 : null,
    p99At50Connections: at50?.p99 ?? null,
    cheapP99BesideHeavy: cheap?.p99 ?? null,
    at50000: big
      ? {
          error:
            big.error ??
            (serviceDied(big)
              ? 'the comparison exited'
              : big.mix.errors
                ? `${big.mix.errors} request errors`
                : big.operationErrors.length
                  ? `${big.operationErrors.length} operations answered with errors`
                  : null),
          maxPeakRssMb: maxRss,
        }
      : null,
  };
}

/** Each operation alone at every scale: p50, p99 and answer bytes, the slowest (at the largest scale) first. */
function perOperationSection(r: Report): string[] {
  const scales = r.scales.filter((s) => !s.error && !serviceDied(s) && s.perOperation?.length);
  const head = ['## Each operation alone', ''];
  if (!scales.length) return [...head, 'Not measured in this run.', ''];
  const last = scales.at(-1)!.perOperation!;
  const names = [...last].sort((a, b) => b.p50 - a.p50).map((o) => o.name);
  for (const o of scales[0]!.perOperation!) if (!names.includes(o.name)) names.push(o.name);
  const of = (s: ScaleResult, name: string) => s.perOperation!.find((o) => o.name === name);
  const samples = [...new Set(scales.flatMap((s) => s.perOperation!.map((o) => o.samples)))].sort((a, b) => a - b);
  return [
    ...head,
    `Every operation of the mix sent alone, one request at a time (${samples.length === 1 ? samples[0] : `${samples[0]} to ${samples.at(-1)}`} requests each after a warm-up), through our gateway with the response cache off, after the load runs of the scale; slowest at ${scales.at(-1)!.bodiesPerRegion} bodies/region first. An operation's time alone is what it holds a connection and the cores for in the mix.`,
    '',
    `| operation | ${scales.map((s) => `p50 ms at ${s.bodiesPerRegion} | p99 ms at ${s.bodiesPerRegion} | answer bytes at ${s.bodiesPerRegion}`).join(' | ')} |`,
    `| --- | ${scales.map(() => '---: | ---: | ---:').join(' | ')} |`,
    ...names.map(
      (name) =>
        `| ${name.replace(/\|/g, '/')} | ${scales
          .map((s) => {
            const o = of(s, name);
            return o ? `${n(o.p50, 1)} | ${n(o.p99, 1)} | ${o.bytes}` : ' | | ';
          })
          .join(' | ')} |`,
    ),
    '',
  ];
}

export function renderReport(r: Report): string {
  const q = ratios(r);
  const met = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? '**met**' : '**missed**');
  const side = r.sideBySide;
  const lines = [
    '<!-- GENERATED by `npm run bench`; the method and the causes of missed targets are in the section after the tables. -->',
    '# Benchmarks',
    '',
    `Run ${r.date} on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node} (load average at start ${(r.machine.loadAverageAtStart as number[]).join(', ')}); ${r.settings.database}; services in NODE_ENV=${String(r.settings.nodeEnv ?? 'development')}; autocannon, ${r.settings.connections} connections, ${r.settings.durationSeconds} s per run, loopback only; whole run ${r.seconds} s. **The machine has 2 cores shared with other engineers' work: the figures are noisy, and gateway, subgraphs, PostgreSQL and the load generator share those 2 cores.** Command: \`npm run bench\` (\`BENCH_SCALES\`, \`BENCH_COMPARE_SCALE\`, \`BENCH_DURATION\`, \`BENCH_CONNECTIONS\` adjust it); raw figures: [benchmarks.json](benchmarks.json).`,
    ...(r.runs?.length
      ? [
          '',
          `Merged from ${r.runs.length} runs of different scales on the same machine (\`BENCH_MERGE\`): ${r.runs.map((x) => `${x.date}, ${x.scales.join(', ')} bodies/region, load average at start ${x.loadAverageAtStart.join(', ')}, ${x.seconds} s`).join('; ')}.`,
        ]
      : []),
    '',
    '## Targets',
    '',
    '| target | figure | |',
    '| --- | ---: | --- |',
    `| uncached mix ≥ 1.0× Hive Gateway uncached | ${n(q.uncachedVsHive, 2)}× | ${met(q.uncachedVsHive === null ? null : q.uncachedVsHive >= 1)} |`,
    `| cached mix ≥ 1.5× Hive Gateway with its response cache | ${n(q.cachedVsHiveCached, 2)}× | ${met(q.cachedVsHiveCached === null ? null : q.cachedVsHiveCached >= 1.5)} |`,
    `| uncached p50 at 5,000 bodies/region ≤ 2× p50 at 50 | ${n(q.p50At5000Vs50, 2)}× | ${met(q.p50At5000Vs50 === null ? null : q.p50At5000Vs50 <= 2)} |`,
    `| 50,000 bodies/region: no error, every service < 500 MB RSS | ${q.at50000 ? `${q.at50000.error ?? 'no error'}; max peak RSS ${n(q.at50000.maxPeakRssMb)} MB` : 'n/a'} | ${met(q.at50000 ? !q.at50000.error && (q.at50000.maxPeakRssMb ?? 1e9) < 500 : null)} |`,
    `| p99 < 50 ms at 50 connections, uncached (at ${side?.bodiesPerRegion ?? 'n/a'} bodies/region) | ${n(q.p99At50Connections)} ms | ${met(q.p99At50Connections === null ? null : q.p99At50Connections < 50)} |`,
    `| p99 < 100 ms at 50 connections, uncached (issue #25: crosswalk answers bounded) | ${n(q.p99At50Connections)} ms | ${met(q.p99At50Connections === null ? null : q.p99At50Connections < 100)} |`,
    `| cheap query p99 < 100 ms beside 10 clients of heavy operations (issue #14) | ${n(q.cheapP99BesideHeavy)} ms | ${met(q.cheapP99BesideHeavy === null ? null : q.cheapP99BesideHeavy < 100)} |`,
    ...fairnessRows(side?.targets ?? [], met),
    `| freshness lag (region restarted with changed data → comparison answer shows it) | ${n(r.freshnessLagSeconds, 2)} s (${n(r.freshnessLagFromHealthySeconds, 2)} s after the region answered /health) | |`,
    '',
    `## Side by side, 4 regions × ${side?.bodiesPerRegion ?? 'n/a'} bodies, the mix`,
    '',
    '| target | connections | req/s | p50 ms | p99 ms | errors | same answers | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...(side?.targets ?? []).map((t) =>
      t.result
        ? `| ${t.target} | ${t.connections} | ${n(t.result.rps)} | ${t.result.p50} | ${t.result.p99} | ${t.result.errors} | ${t.same ? `${t.same.same}/${t.same.of}${t.same.differing.length ? ` (differ: ${t.same.differing.join(', ')})` : ''}` : ''} | ${n(t.peakRssMb)} |`
        : `| ${t.target} | | | | | | ${t.note ?? ''} | |`,
    ),
    '',
    '## Growth with data size (our gateway, response cache off, the mix)',
    '',
    '| bodies/region | bodies+roles+duties/region | answer bytes per mix | req/s | p50 ms | p99 ms | errors | SQL / request | sync of one region s | region start s | peak RSS MB (gateway / comparison / regions) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...r.scales.map((s) =>
      s.error || serviceDied(s)
        ? `| ${s.bodiesPerRegion} | | | | | | **failed: ${(s.error ?? `the comparison exited during the reference pass (${s.operationErrors.length} of ${s.operations} operations answered with errors); the load figures of this scale are of error answers and are left out`).replace(/\|/g, '/').slice(0, 300)}** | | | | |`
        : `| ${s.bodiesPerRegion} | ${s.counts.bodies}+${s.counts.roles}+${s.counts.reportingDuties} | ${s.answerBytesPerMix} | ${n(s.mix.rps)} | ${s.mix.p50} | ${s.mix.p99} | ${s.mix.errors} | ${n(s.sqlPerRequest, 2)} | ${n(s.syncSeconds, 2)} | ${n(s.regionStartSeconds, 2)} | ${s.peakRssMb.gateway} / ${s.peakRssMb.comparison} / ${['orebro', 'kalmar', 'hoglandet', 'samla'].map((c) => s.peakRssMb[c]).join(', ')} |`,
    ),
    '',
    '## Growth with data size: the hot part only (bodies pages and meeting-frequency tables)',
    '',
    `The operations of the two aggregates answered in SQL (${r.scales.find((s) => !s.error)?.hotOperations.join('; ') ?? 'n/a'}), our gateway, response cache off.`,
    '',
    '| bodies/region | req/s | p50 ms | p99 ms | errors | SQL / request |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.scales
      .filter((s) => !s.error && !serviceDied(s) && s.hot)
      .map((s) => `| ${s.bodiesPerRegion} | ${n(s.hot.rps)} | ${s.hot.p50} | ${s.hot.p99} | ${s.hot.errors} | ${n(s.hotSqlPerRequest, 2)} |`),
    '',
    '## Search latency',
    '',
    `The search operations alone (${r.scales.find((s) => s.searchOperations)?.searchOperations?.join('; ') ?? 'not measured in this run'}), our gateway, response cache off.`,
    '',
    '| bodies/region | req/s | p50 ms | p99 ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...r.scales
      .filter((s) => !s.error && !serviceDied(s) && s.search)
      .map((s) => `| ${s.bodiesPerRegion} | ${n(s.search!.rps)} | ${s.search!.p50} | ${s.search!.p99} | ${s.search!.errors} |`),
    '',
    ...r.scales
      .filter((s) => !s.error && s.operationErrors?.length)
      .flatMap((s) => [
        `Operations answered with errors at ${s.bodiesPerRegion} bodies/region: ${s.operationErrors.map((e) => e.replace(/\|/g, '/')).join('; ')}.`,
        '',
      ]),
    ...perOperationSection(r),
    '## The mix',
    '',
    `${r.operations.length} operations, in this fixed order on every connection (autocannon \`requests\`): the docs/queries/*.graphql operations, the dashboard's operations (web/dashboard/api.ts) with the variables its filters send, and bodies pages (first/after, sorts, filters). Page 2 of a listing uses page 1's live endCursor.`,
    '',
    ...r.operations.map((o, i) => `${i + 1}. ${o}`),
    '',
    '## Versions',
    '',
    ...Object.entries(r.versions).map(([k, v]) => `- ${k} ${v}`),
    '',
    // The method in words and the reading of the figures (causes of missed targets, before/after), kept by hand.
    ...(existsSync(NOTES) ? ['', readFileSync(NOTES, 'utf8').trim(), ''] : []),
  ];
  return lines.join('\n');
}
