/**
 * `npm run bench`: starts the federation on loopback (real PostgreSQL: DATABASE_URL or embedded) and
 * measures, in one run and side by side: a one-region query straight to its subgraph and through
 * our gateway; the main comparison query through our gateway (response cache on, then off); the
 * same two through a peer gateway (Hive Gateway with its Rust query planner) on the same supergraph
 * and subgraphs; and the ceiling, a bare Node HTTP server answering the comparison query's JSON.
 * Every target must give the same answer before it is timed. Then a synthetic region of growing
 * size shows how latency, memory and SQL statements per request grow. Writes docs/BENCHMARKS.md
 * and docs/benchmarks.json. Bounded: every run has a fixed duration; only loopback addresses.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readCounter, REGIONS } from '@samverkan/shared';
import { spawnService, startFederation, stopChild, waitForHealth } from './lib/federation';
import { ROOT } from './lib/paths';
import { writeSyntheticRegion } from './lib/synthetic';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SCALES = (process.env.BENCH_SCALES ?? '50,500,5000').split(',').map(Number);
const PORTS = { gateway: 16000, orebro: 16001, kalmar: 16002, hoglandet: 16003, samla: 16004, comparison: 16005 };
const NOCACHE_PORT = 16100;
const PEER_PORT = 16200;
const CEILING_PORT = 16300;
const SCALE_GATEWAY_PORT = 16400;
const SCALE_REGION_PORT = 16404;

export const ONE_REGION = `query OneRegion {
  samla { code name bodies { id name level cadence { text minPerYear maxPerYear approximate } } }
}`;
export const COMPARISON = `query Comparison {
  landscape {
    missingRegions
    meetingFrequencyTable { rank regionCode bodyName minPerYear maxPerYear approximate cadence { text source { document section quote } } }
    rolesCrosswalk { missingRegions rows { kind regions { regionCode roles { title dutiesByCategory { category duties { text } } } } } }
  }
}`;
const SCALE_QUERY = `query Scale { landscape { missingRegions meetingFrequencyTable { rank regionCode bodyName minPerYear maxPerYear } } }`;

interface Measure { target: string; query: string; rps: number; p50: number; p99: number; errors: number; sameAnswer: boolean | null; note?: string }

async function post(url: string, query: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}

async function load(url: string, query: string, connections = CONNECTIONS, duration = DURATION) {
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), connections, duration, timeout: 10 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, total: r.requests.total };
}

function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function sqlTotal(urls: string[]): Promise<number> {
  const counts = await Promise.all(urls.map(async (u) => readCounter(await (await fetch(u.replace(/\/graphql$/, '/metrics'))).text(), 'samverkan_sql_statements_total')));
  return counts.reduce((a, b) => a + b, 0);
}

/** SQL statements per request, from 10 sequential requests (no request in flight when counting). */
async function sqlPerRequestOf(url: string, query: string, regionUrls: string[]): Promise<number> {
  await new Promise((r) => setTimeout(r, 3000)); // let requests still in flight from a load run finish
  const before = await sqlTotal(regionUrls);
  for (let i = 0; i < 10; i++) await post(url, query);
  return ((await sqlTotal(regionUrls)) - before) / 10;
}

const canonical = (v: unknown) => JSON.stringify((v as { data?: unknown }).data ?? v);

function ensurePeerInstalled(): string {
  const peerDir = join(ROOT, 'bench', 'peer');
  const bin = join(peerDir, 'node_modules', '.bin', 'hive-gateway');
  if (!existsSync(bin)) {
    console.log('installing the peer gateway (bench/peer, pinned by its package-lock.json) ...');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peerDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install bench/peer');
  }
  return bin;
}

async function main() {
  const started = Date.now();
  const results: Measure[] = [];
  const federation = await startFederation({
    // One client measures throughput: the per-client rate limit (RATE_LIMIT_MAX) is off for the bench.
    env: { DB_SCHEMA_PREFIX: 'bench_', LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' },
    ports: PORTS,
    embeddedDir: join(ROOT, '.data', 'postgres-bench'),
    embeddedPort: 5437,
    output: 'ignore',
  });
  const extra: ChildProcess[] = [];
  let ceiling: ReturnType<typeof createServer> | undefined;
  try {
    const gw = federation.gatewayUrl;
    const regionUrls = REGIONS.map((r) => federation.urls[r.code]!);
    const samlaUrl = federation.urls.samla!;
    const serviceEnv = {
      ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: federation.database.url, DB_SCHEMA_PREFIX: 'bench_', RATE_LIMIT_MAX: '0',
      ...Object.fromEntries(Object.entries(federation.urls).filter(([k]) => k !== 'gateway').map(([k, v]) => [`${k.toUpperCase()}_URL`, v])),
    };

    // Our gateway with every response cache off, beside the default one.
    extra.push(await spawnService('gateway', NOCACHE_PORT, { ...serviceEnv, GATEWAY_PORT: String(NOCACHE_PORT), RESPONSE_CACHE: 'false' }));
    const nocache = `http://127.0.0.1:${NOCACHE_PORT}/graphql`;

    // The peer: Hive Gateway with the Rust query planner, on the same supergraph pointed at the same subgraphs.
    const supergraph = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')
      .replace(/http:\/\/127\.0\.0\.1:(400\d)\/graphql/g, (_m, port: string) => `http://127.0.0.1:${Number(port) + 12000}/graphql`);
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    const supergraphPath = join(ROOT, '.data', 'bench-supergraph.graphql');
    writeFileSync(supergraphPath, supergraph);
    let peer: string | null = null;
    try {
      const bin = ensurePeerInstalled();
      const child = spawn(bin, ['supergraph', supergraphPath, '--port', String(PEER_PORT), '--host', '127.0.0.1', '--hive-router-runtime'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
      extra.push(child);
      await waitForHealth(`http://127.0.0.1:${PEER_PORT}/healthcheck`, child, 60_000);
      peer = `http://127.0.0.1:${PEER_PORT}/graphql`;
    } catch (e) {
      console.warn(`peer gateway unavailable: ${(e as Error).message}`);
    }

    // The ceiling: no GraphQL work at all, the comparison answer as bytes.
    const reference3 = await post(nocache, COMPARISON);
    const reference1 = await post(samlaUrl, ONE_REGION);
    const body = Buffer.from(JSON.stringify(reference3));
    ceiling = createServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); });
    });
    await new Promise<void>((r) => ceiling!.listen(CEILING_PORT, '127.0.0.1', () => r()));
    const ceilingUrl = `http://127.0.0.1:${CEILING_PORT}/`;

    const targets: Array<[string, string, string, string, unknown]> = [
      ['1. subgraph direct', samlaUrl, 'one region', ONE_REGION, reference1],
      ['2. our gateway (cache on)', gw, 'one region', ONE_REGION, reference1],
      ['2. our gateway (cache off)', nocache, 'one region', ONE_REGION, reference1],
      ['3. our gateway (cache on)', gw, 'comparison', COMPARISON, reference3],
      ['3. our gateway (cache off)', nocache, 'comparison', COMPARISON, reference3],
      ...(peer ? [['4. Hive Gateway + Rust planner', peer, 'one region', ONE_REGION, reference1], ['4. Hive Gateway + Rust planner', peer, 'comparison', COMPARISON, reference3]] as Array<[string, string, string, string, unknown]> : []),
      ['5. ceiling (bare Node HTTP)', ceilingUrl, 'comparison', COMPARISON, reference3],
    ];
    let sqlPerRequest: number | null = null;
    for (const [target, url, queryName, query, reference] of targets) {
      const answer = await post(url, query);
      const sameAnswer = canonical(answer) === canonical(reference);
      if (!sameAnswer) console.warn(`${target} (${queryName}) does not give the same answer: ${JSON.stringify(answer).slice(0, 300)}`);
      const r = await load(url, query);
      if (target.startsWith('3. our gateway (cache off)')) sqlPerRequest = await sqlPerRequestOf(url, query, regionUrls);
      results.push({ target, query: queryName, rps: r.rps, p50: r.p50, p99: r.p99, errors: r.errors, sameAnswer });
      console.log(`${target.padEnd(34)} ${queryName.padEnd(11)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  same answer: ${sameAnswer}`);
    }
    const at50 = await load(gw, COMPARISON, 50);
    results.push({ target: '3. our gateway (cache on), 50 connections', query: 'comparison', rps: at50.rps, p50: at50.p50, p99: at50.p99, errors: at50.errors, sameAnswer: null });
    const at50off = await load(nocache, COMPARISON, 50);
    results.push({ target: '3. our gateway (cache off), 50 connections', query: 'comparison', rps: at50off.rps, p50: at50off.p50, p99: at50off.p99, errors: at50off.errors, sameAnswer: null });
    const rss = { gatewayCacheOn: peakRssMb(federation.pid('gateway')), gatewayCacheOff: peakRssMb(extra[0]!.pid) };

    // Scale: a synthetic region of growing size served as "samla" by its own process and schema.
    const scale: Array<Record<string, number | null>> = [];
    for (const bodies of SCALES) {
      const dir = join(ROOT, '.data', `bench-synthetic-${bodies}`);
      const counts = writeSyntheticRegion(dir, bodies);
      const region = await spawnService('subgraphs/samla', SCALE_REGION_PORT, { ...serviceEnv, SAMLA_PORT: String(SCALE_REGION_PORT), DATA_DIR: dir, DB_SCHEMA_PREFIX: `benchscale${bodies}_` }, 'ignore', 300_000);
      const gateway = await spawnService('gateway', SCALE_GATEWAY_PORT, { ...serviceEnv, GATEWAY_PORT: String(SCALE_GATEWAY_PORT), RESPONSE_CACHE: 'false', SAMLA_URL: `http://127.0.0.1:${SCALE_REGION_PORT}/graphql`, MAX_COST: '100000000' });
      const url = `http://127.0.0.1:${SCALE_GATEWAY_PORT}/graphql`;
      const bytes = JSON.stringify(await post(url, SCALE_QUERY)).length;
      const sqlUrls = [...regionUrls.filter((u) => u !== samlaUrl), `http://127.0.0.1:${SCALE_REGION_PORT}/graphql`];
      const r = await load(url, SCALE_QUERY, 10, Math.max(3, Math.round(DURATION / 2)));
      const sql = await sqlPerRequestOf(url, SCALE_QUERY, sqlUrls);
      scale.push({ bodies: counts.bodies, roles: counts.roles, reportingDuties: counts.reportingDuties, responseBytes: bytes, rps: r.rps, p50: r.p50, p99: r.p99, errors: r.errors, sqlPerRequest: sql, gatewayPeakRssMb: peakRssMb(gateway.pid), regionPeakRssMb: peakRssMb(region.pid) });
      console.log(`scale ${bodies} bodies: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${bytes} bytes, ${sql.toFixed(2)} SQL/request, gateway RSS ${peakRssMb(gateway.pid)} MB`);
      await stopChild(gateway);
      await stopChild(region);
    }

    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      settings: { durationSeconds: DURATION, connections: CONNECTIONS },
      versions: versions(),
      results, rss, sqlPerRequestComparisonCacheOff: sqlPerRequest, scale,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs', 'BENCHMARKS.md'), renderReport(report));
    console.log('wrote docs/BENCHMARKS.md and docs/benchmarks.json');
  } finally {
    ceiling?.close();
    for (const child of extra) await stopChild(child);
    await federation.stop();
  }
}

function versions(): Record<string, string> {
  const v = (dir: string) => { try { return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string; } catch { return 'not installed'; } };
  return {
    '@apollo/gateway': v(join(ROOT, 'node_modules', '@apollo', 'gateway')),
    '@apollo/server': v(join(ROOT, 'node_modules', '@apollo', 'server')),
    '@graphql-hive/gateway': v(join(ROOT, 'bench', 'peer', 'node_modules', '@graphql-hive', 'gateway')),
    '@graphql-hive/router-runtime': v(join(ROOT, 'bench', 'peer', 'node_modules', '@graphql-hive', 'router-runtime')),
    autocannon: v(join(ROOT, 'node_modules', 'autocannon')),
  };
}

function renderReport(r: any): string {
  const find = (t: string, q: string) => r.results.find((x: Measure) => x.target === t && x.query === q) as Measure | undefined;
  const ratio = (a?: Measure, b?: Measure) => (a && b && b.rps ? (a.rps / b.rps).toFixed(2) : 'n/a');
  const peer3 = find('4. Hive Gateway + Rust planner', 'comparison');
  const ours3 = find('3. our gateway (cache on)', 'comparison');
  const ours3off = find('3. our gateway (cache off)', 'comparison');
  const ceiling = find('5. ceiling (bare Node HTTP)', 'comparison');
  const direct1 = find('1. subgraph direct', 'one region');
  const ours1 = find('2. our gateway (cache on)', 'one region');
  const ours1off = find('2. our gateway (cache off)', 'one region');
  const at50 = r.results.find((x: Measure) => x.target === '3. our gateway (cache on), 50 connections');
  const lines = [
    '<!-- GENERATED by `npm run bench`. -->',
    '# Benchmarks',
    '',
    `Run ${r.date} on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; autocannon, ${r.settings.connections} connections, ${r.settings.durationSeconds} s per target, loopback only, real PostgreSQL. The machine is shared and noisy: read the ratios, not the absolute numbers. Command: \`npm run bench\` (\`BENCH_DURATION\`, \`BENCH_CONNECTIONS\`, \`BENCH_SCALES\` adjust it); raw figures: [benchmarks.json](benchmarks.json).`,
    '',
    '| target | query | req/s | p50 ms | p99 ms | errors | same answer |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...r.results.map((m: Measure) => `| ${m.target} | ${m.query} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.errors} | ${m.sameAnswer === null ? '' : m.sameAnswer ? 'yes' : '**no**'} |`),
    '',
    '## Ratios against the targets',
    '',
    '| ratio | value | target |',
    '| --- | ---: | --- |',
    `| comparison, our gateway (cache on) / Hive Gateway | ${ratio(ours3, peer3)} | ≥ 1.5 |`,
    `| comparison, our gateway (cache on) / ceiling | ${ratio(ours3, ceiling)} | ≥ 0.25 |`,
    `| comparison, our gateway (cache off) / Hive Gateway | ${ratio(ours3off, peer3)} | parity (1.0) |`,
    `| one region, our gateway (cache on) / subgraph direct | ${ratio(ours1, direct1)} | ≥ 0.5 |`,
    `| one region, our gateway (cache off) / subgraph direct | ${ratio(ours1off, direct1)} | |`,
    `| comparison p99 at 50 connections, cache on | ${at50?.p99 ?? 'n/a'} ms | < 50 ms |`,
    `| gateway peak RSS (cache on / off) | ${r.rss.gatewayCacheOn} / ${r.rss.gatewayCacheOff} MB | < 250 MB |`,
    `| SQL statements per comparison request (cache off, all regions) | ${r.sqlPerRequestComparisonCacheOff?.toFixed(2) ?? 'n/a'} | constant |`,
    '',
    '## Growth with data size',
    '',
    'A synthetic region (made-up facts of the real schema, its own schema `benchscale<N>_samla`, never the real data) replaces SAMLA behind a gateway with the cache off; the query is the meeting-frequency table across all regions.',
    '',
    '| bodies | roles | reporting duties | response bytes | req/s | p50 ms | p99 ms | SQL / request | gateway RSS MB | region RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.scale.map((s: any) => `| ${s.bodies} | ${s.roles} | ${s.reportingDuties} | ${s.responseBytes} | ${s.rps.toFixed(0)} | ${s.p50} | ${s.p99} | ${s.sqlPerRequest.toFixed(2)} | ${s.gatewayPeakRssMb} | ${s.regionPeakRssMb} |`),
    '',
    '## Versions',
    '',
    ...Object.entries(r.versions).map(([k, v]) => `- ${k} ${v}`),
    '',
  ];
  return lines.join('\n');
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack}`);
  process.exit(1);
});
