/**
 * Why a region's sync failed, as data from the throw to the answer: a kind (an enum), the detail in
 * words, and the lists that came back null. Written once where the failure happens (SyncError), read
 * as such by freshness and missingRegions; nothing is parsed back out of a message.
 */
export enum SyncFailureKind {
  /** The region did not answer: a timeout, a refused or reset connection. */
  NO_ANSWER = 'NO_ANSWER',
  /** It answered with an HTTP error status. */
  HTTP_ERROR = 'HTTP_ERROR',
  /** It answered with GraphQL errors. */
  GRAPHQL_ERRORS = 'GRAPHQL_ERRORS',
  /** It answered, but lists or its version came back null or empty (a failing database). */
  INCOMPLETE = 'INCOMPLETE',
  /** Its data changed while it was copied; the next round copies the new version. */
  DATA_CHANGED = 'DATA_CHANGED',
}

export interface SyncFailure {
  kind: SyncFailureKind;
  /** The failure in words, completing "its subgraph …". */
  detail: string;
  /** For INCOMPLETE: the region's lists that came back null. */
  failedFields: string[];
}

export class SyncError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly failedFields: string[] = [],
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** A list the region answered null for. */
export const nullList = (list: string) => new SyncError(SyncFailureKind.INCOMPLETE, `answered null for ${list}`, [list]);

/** Any error a sync call threw, as a SyncFailure. */
export function failureOf(e: Error & { cause?: { code?: string } }, timeoutMs: number): SyncFailure {
  if (e instanceof SyncError) return { kind: e.kind, detail: e.message, failedFields: e.failedFields };
  if (e.name === 'TimeoutError') return { kind: SyncFailureKind.NO_ANSWER, detail: `did not answer within ${timeoutMs} ms`, failedFields: [] };
  if (e.message === 'fetch failed')
    return { kind: SyncFailureKind.NO_ANSWER, detail: `did not answer (${e.cause?.code ?? 'connection failed'})`, failedFields: [] };
  return { kind: SyncFailureKind.INCOMPLETE, detail: e.message, failedFields: [] };
}
