/**
 * The search index of the read model: one row per searchable item of a region, written at sync time
 * inside writeSnapshot's transaction (so the index always matches the copy). An item is one statement
 * with its own quote: a body's purposes, assignments, composition, offices and meetings (named by the
 * body), a role and each of its duties, a reporting duty, a plan, a decision rule, a regional fact,
 * and each passage of a source document. `search_text` and `tsv` are generated columns (migration
 * Migration20261129000000SearchIndex).
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Body, Source } from '@samverkan/shared';
import type { RegionSnapshot } from './store';

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

const joined = (...parts: Array<string | null | undefined>) => parts.filter((p): p is string => Boolean(p && p.trim())).join(' · ');

/** The statements of a body, each with its own source: what a search can find it by. */
function bodyStatements(b: Body): Array<{ text: string; source: Source }> {
  const out: Array<{ text: string; source: Source }> = [];
  const add = (text: string | null | undefined, source: Source | null | undefined) => { if (source) out.push({ text: text?.trim() ? text : source.quote, source }); };
  if (b.establishedBy) add(b.establishedBy.text, b.establishedBy.source);
  for (const s of [...(b.purposes ?? []), ...(b.assignments ?? [])]) add(s.text, s.source);
  if (b.noticeContent) add(b.noticeContent.text, b.noticeContent.source);
  for (const m of b.composition ?? []) add(joined(m.organisation, m.function, m.seats?.text), m.source);
  for (const o of [b.chair, b.viceChair]) if (o) add(joined(o.holder, o.selection, o.term, o.rotation), o.source);
  for (const h of [b.convener, b.agendaBy]) if (h) add(h.who, h.source);
  for (const c of [b.cadence, ...(b.otherMeetings ?? [])]) if (c) add(joined(c.label, c.text), c.source);
  if (!out.length) {
    const first = b.levelSource ?? b.permanenceSource ?? b.instances?.source ?? b.parent?.source ?? b.minutes?.source ?? b.substitutes?.source;
    add(null, first);
  }
  return out;
}

/** The index rows of one region's copy, in document order. */
export function searchRows(s: RegionSnapshot): SearchRow[] {
  const rows: SearchRow[] = [];
  const push = (kind: SearchKind, id: string, level: string | null, name: string, text: string, source: Source, quote = source.quote) => rows.push({
    region_code: s.code, seq: rows.length, kind, id, level, name, text, quote,
    document_id: source.documentId, document_title: source.documentTitle, document_file: source.document, section: source.section,
  });
  for (const b of s.bodies) for (const st of bodyStatements(b)) push('BODY', b.id, b.level ?? null, b.name, st.text, st.source);
  for (const r of s.roles) {
    push('ROLE', r.id, null, r.title, joined(r.postHolders?.text, r.employer?.text, r.financing?.text) || r.source.quote, r.source);
    for (const d of r.duties ?? []) push('ROLE', r.id, null, r.title, d.text, d.source);
  }
  for (const d of s.reportingDuties) push('REPORTING_DUTY', d.id, null, `${d.fromText} → ${d.toText}`, d.description, d.source);
  for (const p of s.plans) push('PLAN', p.id, null, p.name, p.description ?? p.source.quote, p.source);
  for (const r of s.decisionRules) push('DECISION_RULE', r.id, null, r.appliesTo ?? r.text, r.text, r.source);
  for (const f of s.regionalFacts) push('REGIONAL_FACT', f.id, null, f.name, f.value ?? f.source.quote, f.source);
  for (const d of s.documents) {
    for (const p of d.passages ?? []) {
      const source: Source = { documentId: d.id, documentTitle: d.title, document: d.file, section: p.section, quote: p.text };
      push('DOCUMENT_PASSAGE', `${d.id}#${p.ordinal}`, null, p.section, p.text, source);
    }
  }
  return rows;
}

/** Replaces the region's rows of the index (called by writeSnapshot inside its transaction). */
export async function writeSearchIndex(trx: Knex.Transaction, table: string, s: RegionSnapshot): Promise<void> {
  await trx.raw(`delete from ${table} where region_code = ?`, [s.code]);
  const rows = searchRows(s);
  if (!rows.length) return;
  const columns = ['region_code', 'seq', 'kind', 'id', 'level', 'name', 'text', 'quote', 'document_id', 'document_title', 'document_file', 'section'];
  const list = columns.map((c) => `"${c}"`).join(', ');
  await trx.raw(`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [JSON.stringify(rows)]);
}
