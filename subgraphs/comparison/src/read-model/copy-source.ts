/**
 * Where the sync reads a region's copy from: its lists page by page (a region whose contract pages its
 * lists: snapshot-query.ts pagesLists), or its one answer (a region on an older contract), which is
 * then each list as a single page. The one writer (write-copy.ts) takes either, so both kinds of region
 * are written by the same code: the same deletes, rows, search index, history and aggregate groups.
 */
import type { DataChange, SourceDocument } from '@samverkan/contract';
import { nullList, SyncError, SyncFailureKind } from './failure';
import { fetchChanges } from './changes';
import { forContract, listQuery, pageQuery, printQuery, snapshotQuery, type PagedList, type RegionAnswer } from './snapshot-query';

export interface CopySource {
  code: string;
  /** Fields the region's contract lacks (its SDL), besides those of its history. */
  missingFields: string[];
  /** The region's documents, as served. */
  documents(): Promise<SourceDocument[]>;
  /** Every page of one list, in order, each handed to `onPage` before the next is read. */
  pages(list: PagedList, onPage: (items: Array<{ id: string }>) => Promise<void>): Promise<void>;
  /** The region's history, page by page; answers the history fields its contract lacks. */
  changes(onPage: (page: DataChange[]) => Promise<void>): Promise<string[]>;
  /** The region's data version now (read again after the last page: a copy is never a mix of two). */
  version(): Promise<string>;
}

export interface RegionClient {
  code: string;
  /** The region's own SDL (`_service { sdl }`). */
  sdl: string;
  graphql: (query: string) => Promise<RegionAnswer | undefined>;
  /** The region's data version now (its GET /version). */
  version: () => Promise<string>;
}

/** A region whose contract pages its lists: SYNC_PAGE_SIZE entries of a list per request (`first`, `afterId`). */
export function pagedSource(r: RegionClient, pageSize: number): CopySource {
  return {
    code: r.code,
    missingFields: forContract(snapshotQuery(r.code), r.sdl).dropped,
    documents: async () => {
      const served = (await r.graphql(printQuery(forContract(listQuery(r.code, 'documents'), r.sdl).query)))?.region?.documents as SourceDocument[] | null;
      if (!served) throw nullList('documents');
      return served;
    },
    pages: async (list, onPage) => {
      for (let afterId: string | null = null; ;) {
        const data = await r.graphql(printQuery(forContract(pageQuery(r.code, list, pageSize, afterId), r.sdl).query));
        const items = data?.region?.[list] as Array<{ id: string }> | null | undefined;
        if (items == null) {
          if (list === 'events') return;
          throw nullList(list);
        }
        await onPage(items);
        if (items.length < pageSize) return;
        afterId = items[items.length - 1]!.id;
      }
    },
    changes: async (onPage) => (await fetchChanges(r.graphql, r.code, r.sdl, onPage)).dropped,
    version: r.version,
  };
}

/** The lists a region on an older contract serves in its one answer, each of which must be there. */
const ANSWERED_LISTS = ['documents', 'bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts'] as const;

/**
 * A region on an older contract (no paging arguments): its one answer, read now, is each list as one
 * page. The answer is one version of the data, so the version after the last page is `dataVersion`.
 */
export async function answeredSource(r: RegionClient, dataVersion: string): Promise<CopySource> {
  const { query, dropped } = forContract(snapshotQuery(r.code), r.sdl);
  const region = (await r.graphql(printQuery(query)))?.region;
  if (!region) throw new SyncError(SyncFailureKind.INCOMPLETE, 'answered no data for the region');
  for (const list of ANSWERED_LISTS) if (region[list] === null) throw nullList(list);
  const list = (name: string) => (region[name] ?? []) as Array<{ id: string }>;
  return {
    code: r.code,
    missingFields: dropped,
    documents: async () => list('documents') as unknown as SourceDocument[],
    pages: async (name, onPage) => onPage(list(name)),
    changes: async (onPage) => (await fetchChanges(r.graphql, r.code, r.sdl, onPage)).dropped,
    version: async () => dataVersion,
  };
}
