/**
 * Search on the read model's index (search-index.ts), in PostgreSQL: match, collapse to one hit per
 * item, rank, count and page in one statement, after one statement that turns the user's terms into
 * tsqueries (PostgreSQL's own parser and `swedish` stemmer, so no user text is ever spliced into SQL).
 *
 * A term matches an index row when its tsquery matches the row's tsvector (stemmed words, phrases,
 * prefixes) or, for a term of four characters or more, when it is a substring of the row's
 * lower-cased text (trigram-indexed LIKE): how "prevention" finds "suicidprevention". A date or
 * number as written ("2024-10-21", "2016-08-01") is one term matched as written (PostgreSQL's parser
 * would cut it into "2024" and "-10"). A word the stemmer cuts to a short stem keeps the next letter:
 * "bildades" (stem "bild") needs a word beginning "bilda", so "bilden" is no hit. Every term must
 * match. Rank: each term found as a whole word counts 1, then ts_rank_cd plus pg_trgm's
 * word_similarity of the query; ties in registry order, then document order.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { SearchKind } from './search-index';
import { join, quoteIdent, raw, rows, sql, tableOf, type Sql } from './sql';

export interface SearchTerm {
  kind: 'word' | 'prefix' | 'phrase' | 'literal';
  text: string;
}

/** Substring matching needs this many characters (shorter ones match by their stem only). */
export const MIN_SUBSTRING = 4;
/** A stem this short or shorter keeps the query word's next letter (short stems join unrelated words). */
export const SHORT_STEM = 4;
export const MAX_QUERY_LENGTH = 200;

const WORD = /[\p{L}\p{N}]+/gu;

/** The terms of a query: "quoted phrase", a date or number as written (2024-10-21, 1.5), word* (prefix), word. Other characters only separate. */
export function parseQuery(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of text.matchAll(/"([^"]*)"?|(\p{N}+(?:[-./:]\p{N}+)+)|([\p{L}\p{N}]+)(\*)?/gu)) {
    if (m[2]) terms.push({ kind: 'literal', text: m[2] });
    else if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length > 1) terms.push({ kind: 'phrase', text: words.join(' ').toLowerCase() });
      else if (words.length === 1) terms.push({ kind: 'word', text: words[0]!.toLowerCase() });
    } else if (m[3]) terms.push({ kind: m[4] ? 'prefix' : 'word', text: m[3].toLowerCase() });
  }
  return terms;
}

interface Condition {
  tsquery: string | null;
  like: string | null;
  stemPrefix: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\\-/]/g, (c) => `\\${c}`);
/** Not a letter or digit of Swedish text (PostgreSQL's [[:alnum:]] depends on the database's locale). */
const NOT_WORD = '[^a-z0-9åäöéüæøàáèêëíîïóôúû]';
/** A regular expression for `s` at the start of a word (and at its end too when `whole`). */
export const wordPattern = (s: string, whole: boolean) => `(^|${NOT_WORD})${escapeRegex(s)}${whole ? `($|${NOT_WORD})` : ''}`;

/** The stem of a one-word tsquery ("'bild'" -> "bild"), null for anything else. */
const stemOf = (tsquery: string) => /^'([^']+)'$/.exec(tsquery)?.[1] ?? null;

/** Each term's tsquery as PostgreSQL writes it (empty for a stop word), its substring pattern, and the word start a short stem needs. */
async function conditions(knex: Knex, terms: SearchTerm[]): Promise<Condition[]> {
  const result = await rows<{ q: string }>(
    knex,
    sql`select t.i, (case t.kind
       when 'literal' then ''::tsquery
       when 'phrase' then phraseto_tsquery('swedish', t.text)
       when 'prefix' then to_tsquery('swedish', quote_literal(t.text) || ':*')
       else plainto_tsquery('swedish', t.text) end)::text as q
     from jsonb_to_recordset(${JSON.stringify(terms.map((t, i) => ({ i, kind: t.kind, text: t.text })))}::jsonb) as t(i int, kind text, text text) order by t.i`,
  );
  return result
    .map((r, i) => {
      const term = terms[i]!;
      const stem = term.kind === 'word' && r.q ? stemOf(r.q) : null;
      const short = stem !== null && stem.length <= SHORT_STEM && term.text.startsWith(stem) && term.text.length > stem.length + 1;
      return {
        tsquery: r.q ? r.q : null,
        like: term.kind === 'literal' || term.text.length >= MIN_SUBSTRING ? `%${escapeLike(term.text)}%` : null,
        stemPrefix: short ? wordPattern(term.text.slice(0, stem.length + 1), false) : null,
      };
    })
    .filter((c) => c.tsquery || c.like);
}

let trgmSchema: Promise<Sql> | undefined;
/** The schema pg_trgm lives in (its functions are called qualified, whatever the search_path). */
function trgm(knex: Knex): Promise<Sql> {
  trgmSchema ??= rows<{ nspname: string }>(
    knex,
    sql`select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`,
  ).then((r) => {
    if (!r[0]) throw new Error('pg_trgm is not installed (the read model migration creates it)');
    return raw(quoteIdent(r[0].nspname));
  });
  trgmSchema.catch(() => {
    trgmSchema = undefined;
  });
  return trgmSchema;
}

export interface SearchArgs {
  terms: SearchTerm[];
  codes: string[];
  regionOrder: string[];
  kinds?: readonly SearchKind[] | null;
  levels?: readonly string[] | null;
  first: number;
  after: { regionCode: string; kind: string; id: string } | null;
}

export interface SearchRowHit {
  regionCode: string;
  kind: SearchKind;
  id: string;
  level: string | null;
  name: string;
  text: string;
  headline: string;
  quote: string;
  documentId: string;
  documentTitle: string;
  document: string;
  section: string;
  rank: number;
}
/** A row of the search statement: the counts on every row, a hit's columns where n is not null. */
interface SearchSqlRow {
  total: number;
  cursor_n: string | null;
  n: number | null;
  rank: string;
  region_code: string;
  kind: SearchKind;
  id: string;
  level: string | null;
  name: string;
  text: string;
  headline: string;
  quote: string;
  document_id: string;
  document_title: string;
  document_file: string;
  section: string;
}
export interface SearchPage {
  hits: SearchRowHit[];
  totalCount: number;
  start: number;
  cursorFound: boolean;
  likeTerms: string[];
}

/** Marks ts_headline puts around matched words; search.ts turns them into ranges. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
/** ts_headline's options: the marks, and a snippet of about 12 to 30 words. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=0`;

export async function searchPage(knex: Knex, schema: string, args: SearchArgs): Promise<SearchPage> {
  const empty = { hits: [], totalCount: 0, start: 0, cursorFound: args.after === null, likeTerms: [] };
  if (!args.codes.length || !args.terms.length) return empty;
  const conds = await conditions(knex, args.terms);
  if (!conds.length) return empty;
  const item = tableOf(schema, 'search_item');
  const ext = await trgm(knex);
  const parts: Sql[] = [sql`s.region_code = any(${args.codes}::text[])`];
  if (args.kinds?.length) parts.push(sql`s.kind = any(${args.kinds}::text[])`);
  if (args.levels?.length) parts.push(sql`s.level = any(${args.levels}::text[])`);
  for (const c of conds) {
    const either: Sql[] = [];
    if (c.tsquery) either.push(c.stemPrefix ? sql`(s.tsv @@ ${c.tsquery}::tsquery and s.search_text ~ ${c.stemPrefix})` : sql`s.tsv @@ ${c.tsquery}::tsquery`);
    if (c.like) either.push(sql`s.search_text like ${c.like}`);
    parts.push(join(either, ' or ', '(', ')'));
  }
  // Each term found as written, as a whole word (or phrase, or date), ranks first.
  const exact = args.terms.filter((term) => term.kind !== 'prefix').map((term) => sql`(s.search_text ~ ${wordPattern(term.text, true)})::int`);
  const exactRank = exact.length ? join(exact, ' + ') : sql`0`;
  const tsquery =
    conds
      .map((c) => c.tsquery)
      .filter(Boolean)
      .map((q) => `(${q})`)
      .join(' & ') || '';
  const similar = args.terms.map((term) => term.text).join(' ');
  const a = args.after;
  const result = await rows<SearchSqlRow>(
    knex,
    sql`
with q as (select ${tsquery}::tsquery as tsq),
matched as (
  select s.region_code, s.seq, s.kind, s.id,
    (${exactRank} + case when numnode(q.tsq) > 0 then ts_rank_cd(s.tsv, q.tsq) else 0 end + ${ext}.word_similarity(${similar}, s.search_text))::float8 as rank
  from ${item} s, q where ${join(parts, ' and ')}
), best as (
  select distinct on (region_code, kind, id) * from matched order by region_code, kind, id, rank desc, seq
), ordered as (
  select b.*, row_number() over (order by b.rank desc, array_position(${args.regionOrder}::text[], b.region_code), b.seq) as n from best b
), meta as (
  select count(*)::int as total, max(n) filter (where region_code = ${a?.regionCode ?? null} and kind = ${a?.kind ?? null} and id = ${a?.id ?? null}) as cursor_n
  from ordered
)
select meta.total, meta.cursor_n, page.* from meta left join lateral (
  select o.n, o.rank, s.region_code, s.kind, s.id, s.level, s.name, s.text, s.quote, s.document_id, s.document_title, s.document_file, s.section,
    case when numnode(q.tsq) > 0 then ts_headline('swedish', s.text, q.tsq, ${HEADLINE_OPTIONS}) else s.text end as headline
  from ordered o join ${item} s on s.region_code = o.region_code and s.seq = o.seq, q
  where o.n > coalesce(meta.cursor_n, 0)
  order by o.n
  limit ${args.first}
) page on true`,
  );
  const head = result[0]!;
  return {
    totalCount: head.total,
    start: head.cursor_n === null ? 0 : Number(head.cursor_n),
    cursorFound: a === null || head.cursor_n !== null,
    likeTerms: args.terms.filter((term) => term.kind === 'literal' || term.text.length >= MIN_SUBSTRING).map((term) => term.text),
    hits: result
      .filter((r) => r.n !== null)
      .map((r) => ({
        regionCode: r.region_code,
        kind: r.kind,
        id: r.id,
        level: r.level,
        name: r.name,
        text: r.text,
        headline: r.headline,
        quote: r.quote,
        documentId: r.document_id,
        documentTitle: r.document_title,
        document: r.document_file,
        section: r.section,
        rank: Number(r.rank),
      })),
  };
}
