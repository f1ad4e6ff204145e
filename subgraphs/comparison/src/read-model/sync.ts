/**
 * Sync, by pull: every SYNC_INTERVAL_MS the comparison asks each region's GET /version for its data
 * version (a content hash of the data the region serves, the same in every process and replica).
 * When it differs from the copy held, it fetches the region's facts through the region's GraphQL
 * contract (snapshot-query.ts) and replaces its copy in one transaction, by one writer (write-copy.ts):
 * page by page, SYNC_PAGE_SIZE entries of a list at a time, or the one answer of a region on an older
 * contract as one page per list (copy-source.ts). A region that does not
 * answer, or answers with errors, keeps its last good copy, marked stale with the reason.
 *
 * Why pull: a region needs to know nothing about the comparison (no outbound calls, no secret for
 * it, no retry queue), a restarted comparison catches up by itself, and the cost is one small GET
 * per region per interval. The price is up to one interval of lag, well inside the 2 s target.
 */
import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { SECRET_HEADER, type Logger } from '@samverkan/shared';
import { pagesLists, type RegionAnswer } from './snapshot-query';
import { writeCopy } from './write-copy';
import { answeredSource, pagedSource, type RegionClient } from './copy-source';
import { derivationReason, READ_MODEL_DERIVATION } from './derivation';
import { failureOf, SyncError, SyncFailureKind, type SyncFailure } from './failure';

export interface SyncTarget {
  code: string;
  url: string;
}

/** What this process knows of a region's reachability (the copy itself is in the database). */
export interface Reachability {
  checkedAt: Date | null;
  failure: SyncFailure | null;
  failedAt: Date | null;
}

export interface SyncOptions {
  knex: Knex;
  schema: string;
  targets: SyncTarget[];
  intervalMs: number;
  timeoutMs: number;
  /** Entries per page when a region's contract pages its lists, and per read of the copy when the aggregates are derived (SYNC_PAGE_SIZE). */
  pageSize: number;
  secret?: string;
  logger: Logger;
  /** Told of every replacement of a region's copy: how long it took, whether it succeeded. */
  onReplaced?: (code: string, seconds: number, ok: boolean) => void;
}

export class RegionSync {
  private readonly state = new Map<string, Reachability>();
  private readonly held = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** The copy being replaced: one region at a time, so the sync holds one region's lists at most. */
  private replacing: Promise<unknown> = Promise.resolve();
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly options: SyncOptions) {
    for (const t of options.targets) this.state.set(t.code, { checkedAt: null, failure: null, failedAt: null });
  }

  /** A hash of the data versions this process holds: what its answers are made of. */
  fingerprint(): string {
    return createHash('sha256')
      .update(
        [...this.held]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([c, v]) => `${c}:${v}`)
          .join('\n'),
      )
      .digest('hex')
      .slice(0, 16);
  }

  /** Region code → the data version of the copy this process holds. */
  heldVersions(): ReadonlyMap<string, string> {
    return this.held;
  }

  reachability(code: string): Reachability | undefined {
    return this.state.get(code);
  }

  /** One round over every region (in parallel); resolves when it is done. */
  syncAll(): Promise<void> {
    this.running ??= Promise.all(this.options.targets.map((t) => this.syncOne(t))).then(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(): void {
    const tick = () => {
      this.syncAll()
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        })
        .catch(() => {});
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the rounds; a call to a region under way is aborted (a hung region does not hold the shutdown). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
  }

  private headers(): Record<string, string> {
    return { 'content-type': 'application/json', ...(this.options.secret ? { [SECRET_HEADER]: this.options.secret } : {}) };
  }

  private async fetchJson(url: string, init?: RequestInit): Promise<unknown> {
    const res = await fetch(url, {
      ...init,
      headers: this.headers(),
      signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.stopping.signal]),
    });
    if (!res.ok) throw new SyncError(SyncFailureKind.HTTP_ERROR, `${new URL(url).pathname} answered HTTP ${res.status}`);
    return res.json();
  }

  private async graphql(url: string, query: string): Promise<RegionAnswer | undefined> {
    const body = (await this.fetchJson(url, { method: 'POST', body: JSON.stringify({ query }) })) as {
      data?: RegionAnswer;
      errors?: Array<{ message: string }>;
    };
    if (body.errors?.length)
      throw new SyncError(
        SyncFailureKind.GRAPHQL_ERRORS,
        `answered with errors: ${body.errors
          .map((e) => e.message)
          .slice(0, 3)
          .join('; ')}`,
      );
    return body.data;
  }

  private async syncOne(target: SyncTarget): Promise<void> {
    const state = this.state.get(target.code)!;
    try {
      const { dataVersion } = (await this.fetchJson(new URL('/version', target.url).href)) as { dataVersion?: string };
      if (!dataVersion) throw new SyncError(SyncFailureKind.INCOMPLETE, 'its /version has no dataVersion');
      if (this.held.get(target.code) !== dataVersion && !(await this.isHeld(target.code, dataVersion))) {
        const turn = this.replacing.then(() => this.timed(target.code, () => this.replaceCopy(target, dataVersion)));
        this.replacing = turn.catch(() => {});
        const bodies = await turn;
        if (bodies !== null) this.options.logger.info({ region: target.code, dataVersion, bodies }, 'read model synced');
      }
      this.held.set(target.code, dataVersion);
      Object.assign(state, { checkedAt: new Date(), failure: null, failedAt: null });
    } catch (e) {
      const failure = failureOf(e as Error & { cause?: { code?: string } }, this.options.timeoutMs);
      if (state.failure?.detail !== failure.detail)
        this.options.logger.warn({ region: target.code, failure: failure.kind, reason: failure.detail }, 'region sync failed; serving its last good copy');
      Object.assign(state, { failure, failedAt: new Date() });
    }
  }

  private async timed<T>(code: string, replace: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      const result = await replace();
      this.options.onReplaced?.(code, (performance.now() - start) / 1000, true);
      return result;
    } catch (e) {
      this.options.onReplaced?.(code, (performance.now() - start) / 1000, false);
      throw e;
    }
  }

  /** Whether the copy held is of `dataVersion` and derived by this code; logs a copy that other code derived. */
  private async isHeld(code: string, dataVersion: string): Promise<boolean> {
    const rows: Array<{ derivation: string }> = await this.options.knex
      .withSchema(this.options.schema)
      .from('region_sync')
      .where({ region_code: code, data_version: dataVersion })
      .select('derivation');
    const reason = rows[0] && derivationReason(rows[0].derivation);
    if (reason)
      this.options.logger.info(
        { region: code, dataVersion, held: rows[0]!.derivation, derivation: READ_MODEL_DERIVATION },
        `read model copy ${reason}: deriving it again now`,
      );
    return rows.length > 0 && !reason;
  }

  /**
   * Replaces the held copy by the region's version `dataVersion` (write-copy.ts): page by page when the
   * region's contract pages its lists, else from its one answer. The number of bodies written, null when held.
   */
  private async replaceCopy(target: SyncTarget, dataVersion: string): Promise<number | null> {
    const region: RegionClient = {
      code: target.code,
      sdl: (await this.graphql(target.url, '{ _service { sdl } }'))!._service!.sdl,
      graphql: (q) => this.graphql(target.url, q),
      version: async () => ((await this.fetchJson(new URL('/version', target.url).href)) as { dataVersion?: string }).dataVersion ?? '',
    };
    const source = pagesLists(region.sdl, target.code) ? pagedSource(region, this.options.pageSize) : await answeredSource(region, dataVersion);
    return writeCopy(this.options.knex, this.options.schema, source, dataVersion, this.options.pageSize);
  }
}
