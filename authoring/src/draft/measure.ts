/**
 * Measuring drafts against reviewed data files: recall and precision per fact kind.
 *
 * A fact is one of these, each with its kind:
 *   body        a body (matched on its name)           role         a role (matched on its title)
 *   member      a body's composition entry             office       chair, vice chair, convener, agenda, minutes
 *   substitutes a body's substitute rule with a source cadence      a cadence anywhere (meeting, other meeting,
 *   duty        a body's assignment or purpose, a role's duty           reporting, plan revision)
 *   reporting   a reporting duty                       plan         a plan
 *   decision    a decision rule                        event        a dated event, or the document's validity
 *   level       a body level the document states (levelBasis STATED)
 * Regional facts (each region's own topics) and the publisher (always inferred) are not drafted, so
 * not measured. A reviewed fact whose source names another document is not in this text: not counted.
 *
 * Match: a proposed and a reviewed fact of the same kind match when their quotes overlap in the text
 * (some occurrence of one shares at least one character with some occurrence of the other). Bodies
 * and roles match on their names instead: equal, or one contained in the other, after lower-casing,
 * dropping everything but letters and stemming each word.
 * Recall of a kind: the share of reviewed facts that some proposal matches. Precision: the share of
 * proposals that match some reviewed fact. "All" adds up the counts of every kind (micro average).
 */
import type { DataFile, SourceData } from '@samverkan/contract';
import { stem } from './words';

export const FACT_KINDS = ['body', 'role', 'member', 'office', 'substitutes', 'cadence', 'duty', 'reporting', 'plan', 'decision', 'event', 'level'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  quote: string | null;
  name: string | null;
}

const src = (kind: FactKind, s: SourceData | null | undefined, out: Fact[]) => {
  if (s && !s.document) out.push({ kind, quote: s.quote, name: null });
};

/** Every measured fact of a data file. */
export function factsOf(f: DataFile): Fact[] {
  const out: Fact[] = [];
  for (const b of f.bodies) {
    out.push({ kind: 'body', quote: null, name: b.name });
    b.composition.forEach((m) => src('member', m.source, out));
    for (const o of [b.chair, b.viceChair, b.convener, b.agendaBy, b.minutes]) src('office', o?.source, out);
    if (b.substitutes.source) src('substitutes', b.substitutes.source, out);
    for (const c of [b.cadence, ...b.otherMeetings]) src('cadence', c?.source, out);
    for (const d of [...b.assignments, ...b.purposes]) src('duty', d.source, out);
    if (b.levelBasis === 'STATED') src('level', b.levelSource, out);
  }
  for (const r of f.roles) {
    out.push({ kind: 'role', quote: null, name: r.title });
    r.duties.forEach((d) => src('duty', d.source, out));
  }
  for (const d of f.reportingDuties) {
    src('reporting', d.source, out);
    src('cadence', d.cadence?.source, out);
  }
  for (const p of f.plans) {
    src('plan', p.source, out);
    src('cadence', p.revision?.source, out);
  }
  f.decisionRules.forEach((d) => src('decision', d.source, out));
  (f.events ?? []).forEach((e) => src('event', e.source, out));
  src('event', f.document.validity?.source, out);
  return out;
}

/** Name as compared: stems of its words, letters only. */
export function nameKey(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/-/g, '')
      .match(/\p{L}+/gu) ?? []
  )
    .map(stem)
    .join('');
}

function spans(text: string, quote: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = text.indexOf(quote); at >= 0 && out.length < 50; at = text.indexOf(quote, at + 1)) out.push([at, at + quote.length]);
  return out;
}

export function matches(text: string, a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  if (a.name !== null || b.name !== null) {
    const [x, y] = [nameKey(a.name ?? ''), nameKey(b.name ?? '')];
    return !!x && !!y && (x.includes(y) || y.includes(x));
  }
  const sa = spans(text, a.quote!);
  const sb = spans(text, b.quote!);
  return sa.some(([s1, e1]) => sb.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

export interface Score {
  reviewed: number;
  found: number;
  proposed: number;
  correct: number;
}
export type Scores = Record<FactKind | 'all', Score>;

const empty = (): Score => ({ reviewed: 0, found: 0, proposed: 0, correct: 0 });

export function score(text: string, draft: DataFile, reviewed: DataFile): Scores {
  const scores = Object.fromEntries([...FACT_KINDS, 'all'].map((k) => [k, empty()])) as Scores;
  const proposed = factsOf(draft);
  const truth = factsOf(reviewed);
  for (const t of truth) {
    const hit = proposed.some((p) => matches(text, p, t));
    for (const k of [t.kind, 'all'] as const) {
      scores[k].reviewed++;
      if (hit) scores[k].found++;
    }
  }
  for (const p of proposed) {
    const hit = truth.some((t) => matches(text, p, t));
    for (const k of [p.kind, 'all'] as const) {
      scores[k].proposed++;
      if (hit) scores[k].correct++;
    }
  }
  return scores;
}

export function addScores(a: Scores, b: Scores): Scores {
  const out = {} as Scores;
  for (const k of Object.keys(a) as Array<keyof Scores>) {
    out[k] = {
      reviewed: a[k].reviewed + b[k].reviewed,
      found: a[k].found + b[k].found,
      proposed: a[k].proposed + b[k].proposed,
      correct: a[k].correct + b[k].correct,
    };
  }
  return out;
}

/** Recall and precision in percent (null where nothing was reviewed / proposed). */
export const recall = (s: Score) => (s.reviewed ? (100 * s.found) / s.reviewed : null);
export const precision = (s: Score) => (s.proposed ? (100 * s.correct) / s.proposed : null);
