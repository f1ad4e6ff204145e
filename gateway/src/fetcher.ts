/**
 * The gateway's HTTP client to the subgraphs: undici with keep-alive connections, a timeout per
 * attempt, and bounded retries of queries after a network failure (never of mutations). A failure
 * names the subgraph, never its internal address.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';

export interface SubgraphFetcherOptions {
  subgraph: string;
  timeoutMs: number;
  retries: number;
}

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

export class SubgraphUnavailableError extends Error {
  constructor(readonly subgraph: string, reason: string) {
    super(`Subgraph "${subgraph}" did not answer (${reason})`);
  }
}

function isQuery(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const { query } = JSON.parse(body) as { query?: string };
    return typeof query === 'string' && !/^\s*mutation\b/.test(query) && !/^\s*subscription\b/.test(query);
  } catch {
    return false;
  }
}

export function subgraphFetcher(options: SubgraphFetcherOptions): Fetcher {
  const fetcher = async (url: string, init?: Parameters<Fetcher>[1]) => {
    const attempts = 1 + (isQuery(init?.body) ? options.retries : 0);
    let lastReason = 'unknown';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await undiciFetch(url, {
          ...(init as object),
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        } as Parameters<typeof undiciFetch>[1]);
      } catch (e) {
        const err = e as Error & { cause?: { code?: string } };
        lastReason = err.name === 'TimeoutError' ? `timed out after ${options.timeoutMs} ms` : (err.cause?.code ?? err.name);
      }
    }
    throw new SubgraphUnavailableError(options.subgraph, lastReason);
  };
  return fetcher as unknown as Fetcher;
}
