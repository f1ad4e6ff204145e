/**
 * The structured difference between two loads of a region's facts, per fact: added, removed, or
 * changed with every changed value (path, before, after as JSON) and the quote of the nearest source
 * around it. Pure: the loader (orm/seed.ts) gives it what its tables held and what it is about to write.
 */
import type { FACT_KINDS } from '../graphql/history-types';

export type FactKindName = (typeof FACT_KINDS)[number];
export type Fact = Record<string, unknown>;
/** Each fact kind's facts, in document order. */
export type FactSet = Record<FactKindName, Fact[]>;

export interface FieldDiff {
  path: string;
  before: string | null;
  after: string | null;
  quoteBefore: string | null;
  quoteAfter: string | null;
}

export interface FactDiff {
  factKind: FactKindName;
  factId: string;
  factName: string | null;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  fields: FieldDiff[];
  quoteBefore: string | null;
  quoteAfter: string | null;
}

/** A fact's key: documents by file name, everything else by id. */
export const factKey = (kind: FactKindName, f: Fact) => String(kind === 'document' ? f.file : f.id);

/** The name a reader knows a fact by. */
export function factName(kind: FactKindName, f: Fact): string | null {
  const pick = {
    body: 'name',
    role: 'title',
    reportingDuty: 'description',
    plan: 'name',
    decisionRule: 'text',
    regionalFact: 'name',
    document: 'title',
    event: 'label',
  }[kind];
  const v = f[pick];
  return typeof v === 'string' ? v : null;
}

type Json = unknown;
type Segment = string | number;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSource = (v: Json): v is { quote: string } => isObject(v) && typeof v.quote === 'string' && typeof v.section === 'string';
const json = (v: Json) => (v === undefined || v === null ? null : JSON.stringify(v));
const render = (path: Segment[]) => path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/** The first source anywhere in a value, depth first (a body has no source of its own). */
function firstSource(v: Json): string | null {
  if (isSource(v)) return v.quote;
  const children = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  for (const c of children) {
    const q = firstSource(c);
    if (q) return q;
  }
  return null;
}

/** The quote of the nearest source around `path` in `root`: the deepest object on the way that is or has one. */
function quoteAt(root: Json, path: Segment[]): string | null {
  let found: string | null = null;
  let v: Json = root;
  for (let i = 0; ; i++) {
    if (isSource(v)) found = v.quote;
    else if (isObject(v) && isSource(v.source)) found = v.source.quote;
    if (i === path.length || v === null || typeof v !== 'object') break;
    v = (v as Record<Segment, Json>)[path[i]!];
  }
  return found ?? firstSource(root);
}

/** Changed leaves: objects are compared key by key, lists item by item when their length is the same. */
function leafChanges(before: Json, after: Json, path: Segment[], out: Segment[][]): void {
  if (isObject(before) && isObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) leafChanges(before[k], after[k], [...path, k], out);
  } else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => leafChanges(b, after[i], [...path, i], out));
  } else if (json(before) !== json(after)) out.push(path);
}

const at = (root: Json, path: Segment[]): Json =>
  path.reduce<Json>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<Segment, Json>)[k] : undefined), root);

export function diffFact(before: Fact, after: Fact): FieldDiff[] {
  const paths: Segment[][] = [];
  leafChanges(before, after, [], paths);
  return paths.map((p) => ({
    path: render(p),
    before: json(at(before, p)),
    after: json(at(after, p)),
    quoteBefore: quoteAt(before, p),
    quoteAfter: quoteAt(after, p),
  }));
}

/** Every fact added, removed or changed from `before` to `after`, by kind, in document order (removed ones after). */
export function diffFacts(before: FactSet, after: FactSet): FactDiff[] {
  const out: FactDiff[] = [];
  for (const kind of Object.keys(after) as FactKindName[]) {
    const old = new Map((before[kind] ?? []).map((f) => [factKey(kind, f), f]));
    const seen = new Set<string>();
    for (const f of after[kind]) {
      const id = factKey(kind, f);
      seen.add(id);
      const prev = old.get(id);
      if (!prev) {
        out.push({ factKind: kind, factId: id, factName: factName(kind, f), change: 'ADDED', fields: [], quoteBefore: null, quoteAfter: quoteAt(f, []) });
        continue;
      }
      const fields = diffFact(prev, f);
      if (fields.length) {
        out.push({
          factKind: kind,
          factId: id,
          factName: factName(kind, f),
          change: 'CHANGED',
          fields,
          quoteBefore: fields[0]!.quoteBefore,
          quoteAfter: fields[0]!.quoteAfter,
        });
      }
    }
    for (const [id, f] of old) {
      if (!seen.has(id))
        out.push({ factKind: kind, factId: id, factName: factName(kind, f), change: 'REMOVED', fields: [], quoteBefore: quoteAt(f, []), quoteAfter: null });
    }
  }
  return out;
}
