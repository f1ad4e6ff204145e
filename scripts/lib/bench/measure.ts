/** What the benchmark measures: the mix under load, answers compared, SQL per request, memory. */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { readCounter, SECRET_HEADER } from '@samverkan/shared';
import { requestBody, type Operation } from './workload';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

const secretHeaders = (): Record<string, string> => (process.env.SUBGRAPH_SECRET ? { [SECRET_HEADER]: process.env.SUBGRAPH_SECRET } : {});

export async function post(url: string, op: Operation): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(op), signal: AbortSignal.timeout(30_000) });
  return res.json();
}

/** The mix, in its fixed order on every connection, for `duration` seconds. */
export async function loadMix(url: string, ops: Operation[], connections: number, duration: number): Promise<LoadResult> {
  if (!ops.length) throw new Error('no operations to send');
  const requests = ops.map((op) => ({
    method: 'POST' as const,
    path: new URL(url).pathname,
    headers: { 'content-type': 'application/json' },
    body: requestBody(op),
  }));
  const r = await autocannon({ url, requests, connections, duration, timeout: 30 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, total: r.requests.total };
}

/** One operation's latency alone (no other request in flight) and its answer's size. */
export interface OperationLatency {
  name: string;
  p50: number;
  p99: number;
  bytes: number;
  samples: number;
}

/** The nearest-rank percentile of sorted values. */
export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Each operation alone, one request at a time: up to `repeats` requests after one warm-up, or fewer
 * when they take over `budgetMs` in all (at least 5). What an operation costs by itself, which the
 * mix's tail is made of (a slow operation holds a connection and a share of the cores).
 */
export async function perOperation(url: string, ops: Operation[], repeats: number, budgetMs: number): Promise<OperationLatency[]> {
  const out: OperationLatency[] = [];
  for (const op of ops) {
    const body = requestBody(op);
    const send = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
      const bytes = (await res.arrayBuffer()).byteLength;
      return { ms: performance.now() - t0, bytes };
    };
    const { bytes } = await send();
    const times: number[] = [];
    const start = performance.now();
    while (times.length < repeats && (times.length < 5 || performance.now() - start < budgetMs)) times.push((await send()).ms);
    times.sort((a, b) => a - b);
    out.push({
      name: op.name,
      p50: Math.round(percentile(times, 50) * 10) / 10,
      p99: Math.round(percentile(times, 99) * 10) / 10,
      bytes,
      samples: times.length,
    });
  }
  return out;
}

const canonical = (v: any) => JSON.stringify(v?.data ?? v);

/** How many operations of the mix a target answers exactly as the reference does (data only). */
export async function sameAnswers(url: string, ops: Operation[], reference: any[]): Promise<{ same: number; of: number; differing: string[] }> {
  const differing: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const answer = await post(url, ops[i]!).catch((e: Error) => ({ error: e.message }));
    if (canonical(answer) !== canonical(reference[i])) differing.push(ops[i]!.name);
  }
  return { same: ops.length - differing.length, of: ops.length, differing };
}

/** Every operation answered without errors by the reference target: the mix is valid as sent. */
export function answerErrors(ops: Operation[], reference: any[]): string[] {
  return ops.flatMap((op, i) => (reference[i]?.errors?.length ? [`${op.name}: ${reference[i].errors[0].message}`] : []));
}

async function sqlTotal(urls: string[]): Promise<number> {
  const counts = await Promise.all(
    urls.map(async (u) => {
      const res = await fetch(u.replace(/\/graphql$/, '/metrics'), { headers: secretHeaders() });
      return readCounter(await res.text(), 'samverkan_sql_statements_total');
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** SQL statements per request of the mix, summed over the subgraphs: the mix once, sequentially. */
export async function sqlPerRequest(url: string, ops: Operation[], subgraphUrls: string[]): Promise<number> {
  await new Promise((r) => setTimeout(r, 1000)); // requests still in flight from a load run finish
  const before = await sqlTotal(subgraphUrls);
  for (const op of ops) await post(url, op);
  return ((await sqlTotal(subgraphUrls)) - before) / ops.length;
}

/** Peak resident memory of a process (VmHWM), MB. */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
