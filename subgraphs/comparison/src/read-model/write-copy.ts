/**
 * The one writer of a region's copy. Whatever the region's contract, its lists arrive as pages
 * (copy-source.ts: SYNC_PAGE_SIZE entries of a list per request, or the one answer of a region on an
 * older contract as a single page per list), and each page is written into the transaction as it
 * arrives: its body or fact rows, its search rows, its events; the history is written page by page as
 * well. Neither side builds the whole region as one JSON text, and no statement carries more than one
 * page.
 *
 * What stays in memory for the whole sync: the documents, and per body the role kinds and report
 * artifacts its derived columns need (bodyDeriver: roles and reporting duties are read first, so each
 * body's derived values are computed as its page arrives). No list is held whole: the precomputed
 * aggregate groups are derived afterwards from the rows just written (aggregate-sync.ts), each a fold
 * over pages of them.
 *
 * Consistency: the region's data may change between two pages. After the last page the region's
 * /version is read again; if it moved, the transaction is rolled back (nothing of the pages is kept,
 * the last good copy stays) and the next round syncs the new version. A copy is never a mix of two.
 */
import { SyncError, SyncFailureKind } from './failure';
import type { Knex } from '@mikro-orm/postgresql';
import type { Body, DataChange, ReportingDuty, Role } from '@samverkan/contract';
import type { PagedList } from './snapshot-query';
import type { CopySource } from './copy-source';
import { citationsBy } from './citations';
import { bodyDeriver, bodyRow, factRow, insertRows, lockRegion, markSynced, type FactList } from './store';
import { quoted } from './sql';
import { flushSearchIndex, insertSearchRows, searchRowsOfList, seqOf, type INDEXED_LISTS, type SearchRow } from './search-index';
import { writeGroupsOfRegion } from './aggregate-sync';
import { eventRows, writeChanges } from './changes';

/** Lists in the order they are read: roles and duties before bodies, whose derived values need them whole. */
const READ_ORDER: readonly PagedList[] = ['roles', 'reportingDuties', 'bodies', 'plans', 'decisionRules', 'regionalFacts', 'events'];

/**
 * Replaces the region's copy by the version `dataVersion`, page by page, in one transaction, then
 * derives its aggregates from it, reading `scanPage` entries per statement. Answers
 * the number of bodies written, or null when that version was already held (another replica wrote it).
 * Throws, with nothing kept, when the region's version moved during the sync.
 */
export async function writeCopy(knex: Knex, schema: string, r: CopySource, dataVersion: string, scanPage: number): Promise<number | null> {
  const q = quoted(schema);
  return knex.transaction(async (trx) => {
    if (!(await lockRegion(trx, schema, r.code, dataVersion))) return null;
    for (const t of ['body', 'fact', 'search_item', 'event', 'change']) await trx.raw(`delete from ${q(t)} where region_code = ?`, [r.code]);
    const missingFields = r.missingFields;
    const { documents, complete } = citationsBy(await r.documents());
    await insertRows(
      trx,
      q('fact'),
      documents.map((d, i) => factRow(r.code, 'documents', d as unknown as Record<string, unknown>, i)),
    );

    const seq = new Map<string, number>();
    const indexed = async (list: (typeof INDEXED_LISTS)[number], items: unknown[]) => {
      let n = seq.get(list) ?? 0;
      const rows: SearchRow[] = searchRowsOfList(r.code, list, items).map((row) => ({ ...row, seq: seqOf(list, n++) }));
      seq.set(list, n);
      await insertSearchRows(trx, q('search_item'), rows);
    };
    const derive = bodyDeriver();
    let bodies = 0;
    for (const list of READ_ORDER) {
      let position = 0;
      await r.pages(list, async (page) => {
        const items = complete(page);
        if (list === 'events') {
          await insertRows(trx, q('event'), eventRows(r.code, items as never, position));
        } else if (list === 'bodies') {
          await insertRows(
            trx,
            q('body'),
            (items as unknown as Body[]).map((b, i) => bodyRow(r.code, b, position + i, derive.body(b))),
          );
          bodies += items.length;
        } else {
          await insertRows(
            trx,
            q('fact'),
            items.map((f, i) => factRow(r.code, list as FactList, f as Record<string, unknown>, position + i)),
          );
          if (list === 'roles') (items as unknown as Role[]).forEach(derive.role);
          if (list === 'reportingDuties') (items as unknown as ReportingDuty[]).forEach(derive.duty);
        }
        if (list !== 'events') await indexed(list, items);
        position += items.length;
      });
    }
    await indexed('documents', documents);
    await flushSearchIndex(trx, schema);

    const historyMissing = await r.changes((page: DataChange[]) => writeChanges(trx, q, r.code, complete(page)));
    await writeGroupsOfRegion(trx, schema, r.code, scanPage);

    const now = await r.version();
    if (now !== dataVersion)
      throw new SyncError(
        SyncFailureKind.DATA_CHANGED,
        `its data changed during the sync (version ${dataVersion} became ${now}); the next round syncs the new version`,
      );
    await markSynced(trx, schema, r.code, dataVersion, [...missingFields, ...historyMissing]);
    return bodies;
  });
}
