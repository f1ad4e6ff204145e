/**
 * The search index of the read model: one row per searchable item of a region, written at sync time
 * inside the transaction that writes the copy (write-copy.ts) (so the index always matches the copy). A row is one quote of a
 * fact, named by the fact: each quote of a body (its purposes, assignments, composition, offices,
 * meetings ...), of a role (and its duties), of a reporting duty, plan, decision rule or regional
 * fact; and each passage of a source document, except contents lists and page headers and footers. `search_text` and `tsv` are generated columns (migration
 * Migration20261129000000SearchIndex).
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role, Source } from '@samverkan/shared';
import type { RegionSnapshot } from './store';
import { quoted } from './sql';

/** The derivation of the rows below: raise it when searchRows changes, so held copies are indexed anew. */
export const SEARCH_INDEX_VERSION = 4;

/** What a hit is; the GraphQL enum SearchHitKind has the same names. */
export const SEARCH_KINDS = ['BODY', 'ROLE', 'REPORTING_DUTY', 'PLAN', 'DECISION_RULE', 'REGIONAL_FACT', 'DOCUMENT_PASSAGE'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchRow {
  region_code: string;
  seq: number;
  kind: SearchKind;
  id: string;
  level: string | null;
  name: string;
  text: string;
  quote: string;
  document_id: string;
  document_title: string;
  document_file: string;
  section: string;
}

/**
 * Every Source inside a fact that states something about it (its own, its statements', its duties'),
 * each quote once, in document order. The basis of an inferred reading is left out (a level with
 * levelBasis INFERRED, a parent, member or minutes rule with basis INFERRED): such a quote may be about
 * another body (Höglandet's "Styrgruppen arbetar strategiskt ..." is the basis of Beredningsgruppen's
 * inferred level, but speaks of the kommunområde styrgrupp), so a hit on it would name the wrong body.
 * The sentence stays findable as its document's passage and under the fact it states. A fact whose
 * only quotes are such bases keeps them (they are then the only sentences that name it).
 */
function sourcesOf(fact: unknown, inferred = false, out: Source[] = [], seen = new Set<string>()): Source[] {
  if (Array.isArray(fact)) for (const v of fact) sourcesOf(v, inferred, out, seen);
  else if (fact && typeof fact === 'object') {
    const r = fact as Record<string, unknown>;
    if (r.basis === 'INFERRED' && !inferred) return out;
    if (typeof r.quote === 'string' && typeof r.section === 'string') {
      const key = `${r.document}\n${r.section}\n${r.quote}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r as unknown as Source);
      }
    } else {
      for (const [k, v] of Object.entries(r)) if (inferred || !(k === 'levelSource' && r.levelBasis === 'INFERRED')) sourcesOf(v, inferred, out, seen);
    }
  }
  return out;
}
const statedSourcesOf = (fact: unknown) => {
  const stated = sourcesOf(fact);
  return stated.length ? stated : sourcesOf(fact, true);
};

type Unnumbered = Omit<SearchRow, 'seq'>;

/** A line of a contents list ("Uppdrag\t12", "Arbetsgrupper och styrgrupper.....\t12") or a page header or footer ("Sida 3 av 12", "12"). */
const NAVIGATION_LINE = /(?:\t|\.{3,}|…)\s*\d{1,3}\s*$|^\s*(?:sida|page|s\.)?\s*\d{1,3}\s*(?:(?:av|of|\/)\s*\d{1,3})?\s*$/iu;

/**
 * Whether a passage is the document's navigation, not its content: a contents list or a page header
 * or footer (most of its lines are such lines). The search index leaves these out.
 */
export function isNavigation(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const nav = lines.filter((l) => NAVIGATION_LINE.test(l)).length;
  return lines.length > 0 && nav * 2 > lines.length;
}
type IndexedList = 'bodies' | 'roles' | 'reportingDuties' | 'plans' | 'decisionRules' | 'regionalFacts' | 'documents';

/** The lists of a copy in index order (a row's seq counts through them in this order). */
export const INDEXED_LISTS: readonly IndexedList[] = ['bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts', 'documents'];

/** The fact of each list but documents. */
interface FactOf {
  bodies: Body;
  roles: Role;
  reportingDuties: ReportingDuty;
  plans: Plan;
  decisionRules: DecisionRule;
  regionalFacts: RegionalFact;
}
interface FactKind<F> {
  kind: SearchKind;
  name: (f: F) => string;
  level?: (f: F) => string | null;
}

const FACT_KINDS: { [L in keyof FactOf]: FactKind<FactOf[L]> } = {
  bodies: { kind: 'BODY', name: (b) => b.name, level: (b) => b.level ?? null },
  roles: { kind: 'ROLE', name: (r) => r.title },
  reportingDuties: { kind: 'REPORTING_DUTY', name: (d) => `${d.fromText} → ${d.toText}` },
  plans: { kind: 'PLAN', name: (p) => p.name },
  decisionRules: { kind: 'DECISION_RULE', name: (r) => r.appliesTo ?? r.text },
  regionalFacts: { kind: 'REGIONAL_FACT', name: (f) => f.name },
};

/** The index rows of some entries of one list (a whole list, or one page of it), in document order, without seq. */
export function searchRowsOfList(code: string, list: IndexedList, items: readonly unknown[]): Unnumbered[] {
  const rows: Unnumbered[] = [];
  const push = (kind: SearchKind, id: string, level: string | null, name: string, source: Source) =>
    rows.push({
      region_code: code,
      kind,
      id,
      level,
      name,
      text: source.quote,
      quote: source.quote,
      document_id: source.documentId,
      document_title: source.documentTitle,
      document_file: source.document,
      section: source.section,
    });
  if (list === 'documents') {
    for (const d of items as RegionSnapshot['documents']) {
      for (const p of d.passages ?? []) {
        if (isNavigation(p.text)) continue;
        const source: Source = { documentId: d.id, documentTitle: d.title, document: d.file, section: p.section, quote: p.text };
        push('DOCUMENT_PASSAGE', `${d.id}#${p.ordinal}`, null, p.section, source);
      }
    }
    return rows;
  }
  factRows(list, items as ReadonlyArray<FactOf[typeof list]>, push);
  return rows;
}

function factRows<L extends keyof FactOf>(
  list: L,
  items: ReadonlyArray<FactOf[L]>,
  push: (kind: SearchKind, id: string, level: string | null, name: string, source: Source) => void,
): void {
  const { kind, name, level = () => null }: FactKind<FactOf[L]> = FACT_KINDS[list];
  for (const f of items) for (const source of statedSourcesOf(f)) push(kind, f.id, level(f), name(f), source);
}

/** Rows of one list are numbered within a band of this many: a row's seq orders it in index order. */
const SEQ_BAND = 100_000_000;

/**
 * The seq of the `n`th row of a list: its list's band (INDEXED_LISTS order), then its place in the
 * list. Seq only orders rows (ties of a search's rank, passages of one item), so its gaps are not seen;
 * a paged sync numbers each page's rows as they come, in whatever order the lists are read, and never
 * renumbers them (an update of every row of a region, which rewrote its two GIN indexes entry by entry).
 */
export const seqOf = (list: IndexedList, n: number): number => INDEXED_LISTS.indexOf(list) * SEQ_BAND + n;

/**
 * The index rows of one region's copy, in document order. The searched text of a row is a verbatim
 * quote (never the data's paraphrase), so every word a hit matched stands in its quote or its name.
 */
export function searchRows(s: RegionSnapshot): SearchRow[] {
  return INDEXED_LISTS.flatMap((list) => searchRowsOfList(s.code, list, s[list]).map((r, n) => ({ ...r, seq: seqOf(list, n) })));
}

const COLUMNS = ['region_code', 'seq', 'kind', 'id', 'level', 'name', 'text', 'quote', 'document_id', 'document_title', 'document_file', 'section'];
const CHUNK = 2000;

/** Inserts index rows (in chunks of a bounded parameter), inside the caller's transaction. */
export async function insertSearchRows(trx: Knex.Transaction, table: string, rows: SearchRow[], chunk = CHUNK): Promise<void> {
  const list = COLUMNS.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    await trx.raw(`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [
      JSON.stringify(rows.slice(i, i + chunk)),
    ]);
  }
}

/** The GIN indexes of the search index (migrations.ts), which take new rows in their pending lists (fastupdate). */
export const SEARCH_GIN_INDEXES = ['search_item_tsv', 'search_item_trgm'] as const;

/**
 * Merges the rows a sync wrote from the GIN indexes' pending lists into the indexes, in bulk, before
 * the sync commits: what fastupdate saves is the entry-by-entry insert, and no search is left to scan
 * a pending list of the sync's rows.
 */
export async function flushSearchIndex(trx: Knex.Transaction, schema: string): Promise<void> {
  for (const index of SEARCH_GIN_INDEXES) await trx.raw('select gin_clean_pending_list(?::regclass)', [quoted(schema)(index)]);
}
