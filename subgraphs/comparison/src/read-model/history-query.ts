/**
 * The SQL of the Landscape's history and timeline: filtered, ordered, counted and paged in
 * PostgreSQL (two statements per page of changes, one per timeline), whatever the number of regions.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { DataChange, DatedEvent, DateSpan } from '@samverkan/shared';
import { rows, sql, tableOf } from './sql';

export interface ChangeKey {
  at: string;
  region: string;
  seq: number;
}

export interface ChangePageQuery {
  since: Date | null;
  first: number;
  after: ChangeKey | null;
}

/** Newest first across regions: at, then region code, then the region's own sequence, all descending. */
export async function changePage(
  knex: Knex,
  schema: string,
  codes: string[],
  q: ChangePageQuery,
): Promise<{ rows: Array<{ key: ChangeKey; change: DataChange }>; totalCount: number }> {
  if (!codes.length) return { rows: [], totalCount: 0 };
  const scoped = () => {
    const b = knex.withSchema(schema).from('change').whereIn('region_code', codes);
    if (q.since) b.where('at', '>=', q.since);
    return b;
  };
  const page = scoped();
  if (q.after) page.whereRaw('("at", "region_code", "seq") < (?::timestamptz, ?, ?)', [q.after.at, q.after.region, q.after.seq]);
  const [rows, [count]] = await Promise.all([
    q.first === 0
      ? []
      : page
          .orderBy([
            { column: 'at', order: 'desc' },
            { column: 'region_code', order: 'desc' },
            { column: 'seq', order: 'desc' },
          ])
          .limit(q.first + 1)
          .select('region_code', 'seq', 'at', 'data'),
    scoped().count({ n: '*' }),
  ]);
  return {
    rows: (rows as Array<{ region_code: string; seq: string; at: Date; data: DataChange }>).map((r) => ({
      key: { at: new Date(r.at).toISOString(), region: r.region_code, seq: Number(r.seq) },
      change: r.data,
    })),
    totalCount: Number((count as { n: string | number }).n),
  };
}

export interface TimelineQuery {
  from: DateSpan | null;
  to: DateSpan | null;
  kinds: string[] | null;
}

/**
 * The events of the regions in scope whose span meets the window: an event spans from the first day
 * its start can mean ("2013": 1 January) to the last day its end can mean ("2026": 31 December; no
 * end: its start's last day). Ordered by start, then end, then region (registry order), then document order.
 */
export async function timelineEvents(knex: Knex, schema: string, codes: string[], order: string[], q: TimelineQuery): Promise<DatedEvent[]> {
  if (!codes.length) return [];
  const b = knex.withSchema(schema).from('event').whereIn('region_code', codes);
  if (q.kinds?.length) b.whereIn('kind', q.kinds);
  if (q.from) b.whereRaw('coalesce("to_end", "from_end") >= ?::date', [q.from.start]);
  if (q.to) b.where('from_start', '<=', q.to.end);
  const rows = await b.orderByRaw('"from_start", coalesce("to_end", "from_end"), array_position(?::text[], "region_code"), "position"', [order]).select('data');
  return (rows as Array<{ data: DatedEvent }>).map((r) => r.data);
}

/**
 * The documents each change's quotes stand in (its own quote before and after, and its fields'): a
 * fact's quote is one index row's quote or part of a document passage. A changed document (factKind
 * "document", keyed by file name) names itself. Answers the document ids per change id, one statement.
 */
export async function documentsOfChanges(
  knex: Knex,
  schema: string,
  changes: DataChange[],
  fileToId: (region: string, file: string) => string | undefined,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(changes.map((c) => [c.id, []]));
  const add = (changeId: string, documentId: string | undefined) => {
    const list = out.get(changeId)!;
    if (documentId && !list.includes(documentId)) list.push(documentId);
  };
  for (const c of changes) if (c.factKind === 'document' && c.factId) add(c.id, fileToId(c.regionCode, c.factId));
  const quotes = changes
    .flatMap((c) =>
      [c.quoteAfter, c.quoteBefore, ...c.fields.flatMap((f) => [f.quoteAfter, f.quoteBefore])]
        .filter((q): q is string => Boolean(q))
        .map((quote) => ({ change_id: c.id, region_code: c.regionCode, quote })),
    )
    // The order of the quotes, as a column (WITH ORDINALITY does not go with a column definition list).
    .map((q, i) => ({ ...q, i }));
  if (!quotes.length) return out;
  const result = await rows<{ change_id: string; document_id: string }>(
    knex,
    sql`select x.change_id, s.document_id, min(x.i) as first
     from jsonb_to_recordset(${JSON.stringify(quotes)}::jsonb) as x(change_id text, region_code text, quote text, i int)
     join ${tableOf(schema, 'search_item')} s on s.region_code = x.region_code and (s.quote = x.quote or (s.kind = 'DOCUMENT_PASSAGE' and strpos(s.quote, x.quote) > 0))
     group by x.change_id, s.document_id order by first, s.document_id`,
  );
  for (const r of result) add(r.change_id, r.document_id);
  return out;
}
