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
  const result = await knex.raw(
    `select t.i, (case t.kind
       when 'literal' then ''::tsquery
       when 'phrase' then phraseto_tsquery('swedish', t.text)
       when 'prefix' then to_tsquery('swedish', quote_literal(t.text) || ':*')
       else plainto_tsquery('swedish', t.text) end)::text as q
     from jsonb_to_recordset(?::jsonb) as t(i int, kind text, text text) order by t.i`,
    [JSON.stringify(terms.map((t, i) => ({ i, kind: t.kind, text: t.text })))],
  );
  return (result.rows as Array<{ q: string }>)
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

let trgmSchema: Promise<string> | undefined;
/** The schema pg_trgm lives in (its functions are called qualified, whatever the search_path). */
function trgm(knex: Knex): Promise<string> {
  trgmSchema ??= knex
    .raw(`select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`)
    .then((r: { rows: Array<{ nspname: string }> }) => {
      if (!r.rows[0]) throw new Error('pg_trgm is not installed (the read model migration creates it)');
      return `"${r.rows[0].nspname.replace(/"/g, '""')}"`;
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

export async function searchPage(knex: Knex, schema: string, args: SearchArgs): Promise<SearchPage> {
  const empty = { hits: [], totalCount: 0, start: 0, cursorFound: args.after === null, likeTerms: [] };
  if (!args.codes.length || !args.terms.length) return empty;
  const conds = await conditions(knex, args.terms);
  if (!conds.length) return empty;
  const t = `"${schema.replace(/"/g, '""')}"."search_item"`;
  const ext = await trgm(knex);
  const parts: string[] = ['s.region_code = any(?::text[])'];
  const params: Knex.RawBinding[] = [args.codes];
  if (args.kinds?.length) {
    parts.push('s.kind = any(?::text[])');
    params.push([...args.kinds]);
  }
  if (args.levels?.length) {
    parts.push('s.level = any(?::text[])');
    params.push([...args.levels]);
  }
  for (const c of conds) {
    const stemmed = c.tsquery ? (c.stemPrefix ? '(s.tsv @@ ?::tsquery and s.search_text ~ ?)' : 's.tsv @@ ?::tsquery') : null;
    const either = [stemmed, c.like ? 's.search_text like ?' : null].filter(Boolean).join(' or ');
    parts.push(`(${either})`);
    if (c.tsquery) params.push(c.tsquery, ...(c.stemPrefix ? [c.stemPrefix] : []));
    if (c.like) params.push(c.like);
  }
  // Each term found as written, as a whole word (or phrase, or date), ranks first.
  const exact = args.terms.filter((term) => term.kind !== 'prefix').map((term) => wordPattern(term.text, true));
  const exactRank = exact.length ? exact.map(() => '(s.search_text ~ ?)::int').join(' + ') : '0';
  const tsquery =
    conds
      .map((c) => c.tsquery)
      .filter(Boolean)
      .map((q) => `(${q})`)
      .join(' & ') || '';
  const similar = args.terms.map((term) => term.text).join(' ');
  const sql = `
with q as (select ?::tsquery as tsq),
matched as (
  select s.region_code, s.seq, s.kind, s.id,
    (${exactRank} + case when numnode(q.tsq) > 0 then ts_rank_cd(s.tsv, q.tsq) else 0 end + ${ext}.word_similarity(?, s.search_text))::float8 as rank
  from ${t} s, q where ${parts.join(' and ')}
), best as (
  select distinct on (region_code, kind, id) * from matched order by region_code, kind, id, rank desc, seq
), ordered as (
  select b.*, row_number() over (order by b.rank desc, array_position(?::text[], b.region_code), b.seq) as n from best b
), meta as (
  select count(*)::int as total, max(n) filter (where region_code = ? and kind = ? and id = ?) as cursor_n from ordered
)
select meta.total, meta.cursor_n, page.* from meta left join lateral (
  select o.n, o.rank, s.region_code, s.kind, s.id, s.level, s.name, s.text, s.quote, s.document_id, s.document_title, s.document_file, s.section,
    case when numnode(q.tsq) > 0
      then ts_headline('swedish', s.text, q.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=0')
      else s.text end as headline
  from ordered o join ${t} s on s.region_code = o.region_code and s.seq = o.seq, q
  where o.n > coalesce(meta.cursor_n, 0)
  order by o.n
  limit ?
) page on true`;
  const a = args.after;
  const result = await knex.raw(sql, [
    tsquery,
    ...exact,
    similar,
    ...params,
    args.regionOrder,
    a?.regionCode ?? null,
    a?.kind ?? null,
    a?.id ?? null,
    args.first,
  ] as Knex.RawBinding[]);
  const rows = result.rows as SearchSqlRow[];
  const head = rows[0]!;
  return {
    totalCount: head.total,
    start: head.cursor_n === null ? 0 : Number(head.cursor_n),
    cursorFound: a === null || head.cursor_n !== null,
    likeTerms: args.terms.filter((term) => term.kind === 'literal' || term.text.length >= MIN_SUBSTRING).map((term) => term.text),
    hits: rows
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
