/**
 * The comparison's read model as the resolvers see it: the held copies, their freshness, and the
 * regions' lists for an aggregate. Regions never synced are missing; regions whose last check
 * failed are served from their copy and marked stale with the reason.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { REGIONS, type SourceDocument } from '@samverkan/contract';
import type { Reachability, RegionSync } from './sync';
import type { SyncFailure } from './failure';
import { derivationReason } from './derivation';
import { heldCopies, type HeldCopy } from './store';

export interface Freshness {
  regionCode: string;
  dataVersion: string | null;
  syncedAt: Date | null;
  checkedAt: Date | null;
  stale: boolean;
  reason: string | null;
  missingFields: string[];
  /** The last check's failure, as data (failure.ts); null when it succeeded or none was made. */
  failure: SyncFailure | null;
}

export interface RegionsRead {
  /** Regions with a copy, in registry order. */
  answered: string[];
  /** Regions in scope with no copy at all. */
  missing: string[];
  freshness: Freshness[];
}

export class ReadModel {
  private held: Promise<Map<string, HeldCopy>> | undefined;
  private seen: Map<string, Reachability | undefined> | undefined;
  private docs: Promise<Map<string, SourceDocument[]>> | undefined;

  constructor(
    readonly knex: Knex,
    readonly schema: string,
    readonly sync: RegionSync,
    private readonly pinned = false,
  ) {}

  /**
   * The read model for one request: which copies are held and each region's reachability are read
   * once and kept, so every field of one answer (each alias of `landscape`) sees the same moment,
   * even when a sync round ends while the request is resolved.
   */
  forRequest(): ReadModel {
    return new ReadModel(this.knex, this.schema, this.sync, true);
  }

  private copies(): Promise<Map<string, HeldCopy>> {
    if (!this.pinned) return heldCopies(this.knex, this.schema);
    this.held ??= heldCopies(this.knex, this.schema);
    return this.held;
  }

  private reachability(code: string): Reachability | undefined {
    if (!this.pinned) return this.sync.reachability(code);
    this.seen ??= new Map(
      REGIONS.map((r) => {
        const now = this.sync.reachability(r.code);
        return [r.code, now && { ...now }];
      }),
    );
    return this.seen.get(code);
  }

  async freshness(codes: readonly string[] = REGIONS.map((r) => r.code)): Promise<Freshness[]> {
    const held = await this.copies();
    return codes.map((code) => {
      const copy = held.get(code);
      const seen = this.reachability(code);
      const olderCode = copy ? derivationReason(copy.derivation) : null;
      const failed = seen?.failure?.detail;
      const reason = !copy
        ? failed
          ? `never synced: ${failed}`
          : 'never synced'
        : failed
          ? `the region's subgraph ${failed}; serving the copy synced at ${copy.syncedAt.toISOString()}${olderCode ? `, ${olderCode}` : ''}`
          : olderCode
            ? `the copy was ${olderCode}`
            : null;
      return {
        regionCode: code,
        dataVersion: copy?.dataVersion ?? null,
        syncedAt: copy?.syncedAt ?? null,
        checkedAt: seen?.checkedAt ?? null,
        stale: !copy || Boolean(failed) || olderCode !== null,
        reason,
        missingFields: copy?.missingFields ?? [],
        failure: seen?.failure ?? null,
      };
    });
  }

  /**
   * Every held region's source documents in document order, without their passages (the freshness
   * answer lists them: date, validity, version): one statement per request.
   */
  documents(): Promise<Map<string, SourceDocument[]>> {
    const read = async () => {
      const rows = await this.knex
        .withSchema(this.schema)
        .from('fact')
        .where('kind', 'documents')
        .orderBy(['region_code', 'position'])
        .select('region_code', this.knex.raw(`data - 'passages' as data`));
      const out = new Map<string, SourceDocument[]>();
      for (const r of rows as Array<{ region_code: string; data: SourceDocument }>) {
        (out.get(r.region_code) ?? out.set(r.region_code, []).get(r.region_code)!).push({ ...r.data, passages: null });
      }
      return out;
    };
    if (!this.pinned) return read();
    this.docs ??= read();
    return this.docs;
  }

  /** The regions in scope (default: all) with a copy, and which have none. */
  async regions(scope: readonly string[] | undefined): Promise<RegionsRead> {
    const codes = scope?.length ? REGIONS.map((r) => r.code).filter((c) => scope.includes(c)) : REGIONS.map((r) => r.code);
    const freshness = await this.freshness(codes);
    const held = freshness.filter((f) => f.dataVersion !== null).map((f) => f.regionCode);
    return { answered: held, missing: freshness.filter((f) => f.dataVersion === null).map((f) => f.regionCode), freshness };
  }
}
