/**
 * How current a region's data is and what changed in it, read from its own schema: the data version
 * and when it was loaded (data_version), its dated events, and a page of its change history
 * (data_change), newest first. Two statements per page (the page and its count), whatever its size.
 */
import { DataChangeEntity, DataVersionEntity, type DataChangeRow } from '../orm/entities';
import { dataVersionOf } from '../history/record';
import { decodeCursor, encodeCursor, pageSize, parseDateTimeArg, type DataChange, type RegionChangeConnection } from '@samverkan/contract';
import type { SubgraphContext } from './context';

export interface ChangePageArgs {
  since?: unknown;
  first?: number | null;
  after?: string | null;
}

export async function dataVersionOfRegion(ctx: SubgraphContext): Promise<{ dataVersion: string | null; updatedAt: Date | null }> {
  const rows = await ctx.em.find(DataVersionEntity, {});
  if (!rows.length) return { dataVersion: null, updatedAt: null };
  return { dataVersion: dataVersionOf(rows), updatedAt: new Date(Math.max(...rows.map((r) => new Date(r.loadedAt).getTime()))) };
}

export function toDataChange(code: string, r: DataChangeRow): DataChange {
  return {
    id: `${code}:change:${r.seq}`,
    regionCode: code,
    at: new Date(r.at).toISOString(),
    dataVersionBefore: r.dataVersionBefore ?? null,
    dataVersionAfter: r.dataVersionAfter,
    change: r.change as DataChange['change'],
    factKind: (r.factKind ?? null) as DataChange['factKind'],
    factId: r.factId ?? null,
    factName: r.factName ?? null,
    fields: r.fields ?? [],
    quoteBefore: r.quoteBefore ?? null,
    quoteAfter: r.quoteAfter ?? null,
  };
}

const isSeq = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);

export async function regionChanges(ctx: SubgraphContext, code: string, args: ChangePageArgs): Promise<RegionChangeConnection> {
  const since = parseDateTimeArg('since', args.since);
  const first = pageSize(args.first);
  const afterSeq = decodeCursor('change', args.after, isSeq);
  const where = since ? { at: { $gte: since } } : {};
  const [rows, totalCount] = await Promise.all([
    first === 0
      ? []
      : ctx.em.fork().find(DataChangeEntity, afterSeq ? { ...where, seq: { $lt: afterSeq } } : where, { orderBy: { seq: 'desc' }, limit: first + 1 }),
    ctx.em.fork().count(DataChangeEntity, where),
  ]);
  const page = rows.slice(0, first);
  const edges = page.map((r) => ({ cursor: encodeCursor('change', String(r.seq)), node: toDataChange(code, r) }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
