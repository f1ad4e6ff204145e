/** What the benchmark measures: the mix under load, answers compared, SQL per request, memory. */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { readCounter, SECRET_HEADER } from '@samverkan/shared';
import { requestBody, type Operation } from './workload';

export interface LoadResult { rps: number; p50: number; p99: number; errors: number; total: number }

const secretHeaders = (): Record<string, string> => (process.env.SUBGRAPH_SECRET ? { [SECRET_HEADER]: process.env.SUBGRAPH_SECRET } : {});

export async function post(url: string, op: Operation): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(op), signal: AbortSignal.timeout(30_000) });
  return res.json();
}

/** The mix, in its fixed order on every connection, for `duration` seconds. */
export async function loadMix(url: string, ops: Operation[], connections: number, duration: number): Promise<LoadResult> {
  const requests = ops.map((op) => ({ method: 'POST' as const, path: new URL(url).pathname, headers: { 'content-type': 'application/json' }, body: requestBody(op) }));
  const r = await autocannon({ url, requests, connections, duration, timeout: 30 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, total: r.requests.total };
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
  const counts = await Promise.all(urls.map(async (u) => {
    const res = await fetch(u.replace(/\/graphql$/, '/metrics'), { headers: secretHeaders() });
    return readCounter(await res.text(), 'samverkan_sql_statements_total');
  }));
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
