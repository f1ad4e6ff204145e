/**
 * The read model's copy of each region's change history and dated events. The history is fetched
 * when a region's data version changes (a new version is what adds entries), page by page through the
 * region's `changes` field, and replaced with the rest of the region's copy in one transaction
 * (write-copy.ts). A region whose contract has no `changes` or `events` (an older shared
 * contract) still syncs: the fields are dropped by its SDL (snapshot-query.ts) and named in its
 * freshness' missingFields.
 */
import { nullList } from './failure';
import { parse } from 'graphql';
import type { Knex } from '@mikro-orm/postgresql';
import { dateSpan, type DataChange, type DatedEvent } from '@samverkan/shared';
import { forContract, printQuery, type RegionAnswer } from './snapshot-query';

const CHANGE_FIELDS =
  'id regionCode at dataVersionBefore dataVersionAfter change factKind factId factName fields { path before after quoteBefore quoteAfter } quoteBefore quoteAfter';
const PAGE = 200;

export interface FetchedChanges {
  changes: DataChange[];
  dropped: string[];
}

/** Every entry of the region's history (newest first), or none when its contract has no `changes`. */
export async function fetchChanges(
  graphql: (query: string) => Promise<RegionAnswer | undefined>,
  code: string,
  sdl: string,
  onPage?: (page: DataChange[]) => Promise<void>,
): Promise<FetchedChanges> {
  // With onPage, each page is handed over as it arrives and not kept (changes stays empty).
  const changes: DataChange[] = [];
  for (let after: string | null = null; ;) {
    const { query, dropped } = forContract(
      parse(`query RegionChanges { region: ${code} {
      changes(first: ${PAGE}${after ? `, after: ${JSON.stringify(after)}` : ''}) { edges { node { ${CHANGE_FIELDS} } } pageInfo { hasNextPage endCursor } }
    } }`),
      sdl,
    );
    if (dropped.includes('changes')) return { changes: [], dropped };
    const data = await graphql(printQuery(query));
    const page = data?.region?.changes as { edges: Array<{ node: DataChange }>; pageInfo: { hasNextPage: boolean; endCursor: string } } | null | undefined;
    if (!page) throw nullList('changes');
    const nodes = page.edges.map((e) => e.node);
    if (onPage) await onPage(nodes);
    else changes.push(...nodes);
    if (!page.pageInfo.hasNextPage) return { changes, dropped };
    after = page.pageInfo.endCursor;
  }
}

const seqOf = (c: DataChange) => Number(c.id.slice(c.id.lastIndexOf(':') + 1));

/** Adds a page of the region's history (inside the transaction that writes the copy, which deleted the old history). */
export async function writeChanges(trx: Knex.Transaction, table: (name: string) => string, code: string, changes: DataChange[]): Promise<void> {
  if (changes.length) {
    const rows = changes.map((c) => ({ region_code: code, seq: seqOf(c), at: c.at, data: c }));
    await trx.raw(`insert into ${table('change')} select * from jsonb_populate_recordset(null::${table('change')}, ?::jsonb)`, [JSON.stringify(rows)]);
  }
}

/** Rows of the `event` table for events listed from `start` on (an event without a readable date has none). */
export function eventRows(code: string, events: DatedEvent[], start: number): object[] {
  return events.flatMap((e, i) => {
    const from = dateSpan(e.from.date);
    if (!from) return [];
    return [
      {
        region_code: code,
        id: e.id,
        position: start + i,
        kind: e.kind,
        from_start: from.start,
        from_end: from.end,
        to_end: e.to ? (dateSpan(e.to.date)?.end ?? null) : null,
        data: e,
      },
    ];
  });
}
