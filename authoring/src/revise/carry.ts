/**
 * Which facts of a data file still stand in a new version of its document. A fact, or a part of a fact
 * with its own source (one assignment, one member, a body's cadence), whose quote is still an exact
 * substring of the new text under the same headings is carried over untouched. One whose quote is gone
 * is taken out and listed for re-review, with the most similar new sentence when there is one (CHANGED)
 * or none (VANISHED); one whose headings changed is listed as SECTION_CHANGED; a fact that refers to a
 * fact taken out goes with it (REFERENCE), and an id in a list of ids is dropped from the list.
 */
import { DATA_FILE_FACT_LISTS, type DataFile, type SourceData, SECTION_SEPARATOR } from '@samverkan/contract';
import { sentences, SIMILAR, similarity } from './align';

interface Sentence {
  text: string;
}

export type ReReviewStatus = 'CHANGED' | 'VANISHED' | 'SECTION_CHANGED' | 'REFERENCE';

export interface ReReviewItem {
  factKind: string;
  factId: string;
  factName: string | null;
  /** Where it stood in the old data file (a JSON path). */
  path: string;
  /** The whole fact left the data file; false: one part of it. */
  whole: boolean;
  status: ReReviewStatus;
  quote: string | null;
  section: string | null;
  /** The new sentence most like the old quote (CHANGED). */
  newSentence: string | null;
  similarity: number | null;
  reason: string;
  /** What was taken out, as it was. */
  value: unknown;
}

/** The data file's fact lists with ids, as the contract's checks know them. */
export const FACT_LISTS = DATA_FILE_FACT_LISTS;
type ListKey = (typeof FACT_LISTS)[number][1];
type Json = Record<string, unknown>;

const NAME_KEYS = ['name', 'title', 'description', 'text', 'label'];
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSource = (v: unknown): v is SourceData => isObject(v) && typeof v.quote === 'string' && typeof v.section === 'string';
/** A unit's own source: its `source`, or itself when it is one (`levelSource`). */
const ownSource = (v: unknown): SourceData | null => (isSource(v) ? v : isObject(v) && isSource(v.source) ? v.source : null);
const factName = (f: Json) => NAME_KEYS.map((k) => f[k]).find((v): v is string => typeof v === 'string') ?? null;

function countSources(v: unknown): number {
  if (isSource(v)) return 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countSources(x), 0);
  return isObject(v) ? Object.values(v).reduce((n: number, x) => n + countSources(x), 0) : 0;
}

/** Single references: a fact whose reference is taken out goes too. Lists of ids lose the id. */
const SINGLE_REFS: Record<string, Array<[string, ListKey]>> = {
  reportingDuties: [
    ['fromBodyId', 'bodies'],
    ['toBodyId', 'bodies'],
    ['fromRoleId', 'roles'],
    ['toRoleId', 'roles'],
  ],
  plans: [['ownerBodyId', 'bodies']],
  events: [
    ['bodyId', 'bodies'],
    ['planId', 'plans'],
  ],
  regionalFacts: [
    ['bodyId', 'bodies'],
    ['roleId', 'roles'],
  ],
};

export class Carry {
  readonly items: ReReviewItem[] = [];
  private readonly fresh: Sentence[];

  constructor(
    private readonly data: DataFile,
    private readonly newText: string,
    freshRanges: Array<[number, number]>,
    private readonly readDocument: (file: string) => string | undefined,
  ) {
    this.fresh = freshRanges.map(([s, e]) => ({ text: newText.slice(s, e) }));
    if (!this.fresh.length) this.fresh = sentences(newText);
  }

  /** Why a source does not hold in the new text, or null when it does. */
  private broken(s: SourceData): 'QUOTE' | 'SECTION' | null {
    const text = s.document && s.document !== this.data.file ? this.readDocument(s.document) : this.newText;
    if (text === undefined || !text.includes(s.quote)) return 'QUOTE';
    return s.section.split(SECTION_SEPARATOR).every((h) => text.includes(h)) ? null : 'SECTION';
  }

  private record(kind: string, fact: Json, path: string, whole: boolean, value: unknown, s: SourceData, why: 'QUOTE' | 'SECTION'): void {
    let best: { text: string } | null = null;
    let score = 0;
    for (const f of why === 'QUOTE' ? this.fresh : []) {
      const x = similarity(s.quote, f.text);
      if (x > score) [best, score] = [f, x];
    }
    const status: ReReviewStatus = why === 'SECTION' ? 'SECTION_CHANGED' : best && score >= SIMILAR ? 'CHANGED' : 'VANISHED';
    const reason = {
      SECTION_CHANGED: 'a heading of its section is no longer in the document',
      CHANGED: 'its quote was reworded',
      VANISHED: 'its quote is no longer in the document',
      REFERENCE: '',
    }[status];
    this.items.push({
      factKind: kind,
      factId: String(fact.id ?? this.data.file),
      factName: factName(fact),
      path,
      whole,
      status,
      quote: s.quote,
      section: s.section,
      newSentence: status === 'CHANGED' ? best!.text : null,
      similarity: status === 'CHANGED' ? Math.round(score * 100) / 100 : null,
      reason,
      value,
    });
  }

  /** A copy of `v` without the parts whose own source no longer holds (a list item goes; a field becomes null). */
  private prune(kind: string, fact: Json, v: unknown, path: string): unknown {
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      v.forEach((x, i) => {
        const s = ownSource(x);
        const why = s && this.broken(s);
        if (s && why) this.record(kind, fact, `${path}[${i}]`, false, x, s, why);
        else out.push(this.prune(kind, fact, x, `${path}[${i}]`));
      });
      return out;
    }
    if (!isObject(v) || isSource(v)) return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      const s = k === 'source' ? null : ownSource(x);
      const why = s && this.broken(s);
      if (s && why) {
        this.record(kind, fact, `${path}.${k}`, false, x, s, why);
        out[k] = k === 'substitutes' ? { rule: 'NOT_STATED', source: null } : null;
      } else out[k] = this.prune(kind, fact, x, `${path}.${k}`);
    }
    return out;
  }

  /** The data file with what still holds; `this.items` lists the rest. */
  run(): DataFile {
    const out = { ...this.data } as unknown as Json;
    out.document = this.prune('document', this.data.document as unknown as Json, this.data.document, '$.document');
    const docSource = this.broken(this.data.document.source);
    if (docSource)
      this.record(
        'document',
        this.data.document as unknown as Json,
        '$.document.source',
        false,
        this.data.document.source,
        this.data.document.source,
        docSource,
      );
    for (const [kind, key] of FACT_LISTS) {
      const list = (this.data[key] ?? []) as unknown as Json[];
      if (!(key in this.data)) continue;
      out[key] = list.flatMap((fact, i) => {
        const path = `$.${key}[${i}]`;
        const s = ownSource(fact);
        const why = s && this.broken(s);
        if (s && why) {
          this.record(kind, fact, path, true, fact, s, why);
          return [];
        }
        const parts = this.items.length;
        const pruned = this.prune(kind, fact, fact, path) as Json;
        if (countSources(fact) > 0 && countSources(pruned) === 0) {
          // Nothing of it stands in the new text: the fact itself goes to re-review, as one item.
          const taken = this.items.splice(parts);
          this.items.push({ ...taken[0]!, path, whole: true, value: fact, reason: `none of its ${taken.length} quotes is in the new text as it was` });
          return [];
        }
        return [pruned];
      });
    }
    this.cascade(out);
    return out as unknown as DataFile;
  }

  /** Facts that refer to a fact taken out follow it; ids in lists (servesBodyIds) are dropped. */
  private cascade(out: Json): void {
    for (let changed = true; changed;) {
      changed = false;
      const ids = (key: ListKey) => new Set(((out[key] ?? []) as Json[]).map((f) => f.id));
      const gone = (key: ListKey, id: unknown) =>
        typeof id === 'string' && ((this.data[key] ?? []) as unknown as Json[]).some((f) => f.id === id) && !ids(key).has(id);
      const refer = (kind: string, fact: Json, path: string, whole: boolean, field: string, id: unknown, value: unknown) => {
        this.items.push({
          factKind: kind,
          factId: String(fact.id),
          factName: factName(fact),
          path,
          whole,
          status: 'REFERENCE',
          quote: ownSource(fact)?.quote ?? null,
          section: ownSource(fact)?.section ?? null,
          newSentence: null,
          similarity: null,
          reason: `${field} refers to ${String(id)}, which is in re-review`,
          value,
        });
        changed = true;
      };
      for (const [kind, key] of FACT_LISTS) {
        if (!out[key]) continue;
        out[key] = (out[key] as Json[]).filter((fact) => {
          const path = `$.${key}[${((this.data[key] ?? []) as unknown as Json[]).findIndex((f) => f.id === fact.id)}]`;
          const bad = (SINGLE_REFS[key] ?? []).find(([field, target]) => gone(target, fact[field]));
          if (bad) refer(kind, fact, path, true, bad[0], fact[bad[0]], fact);
          if (kind === 'body' && isObject(fact.parent) && gone('bodies', fact.parent.bodyId)) {
            refer(kind, fact, `${path}.parent`, false, 'parent.bodyId', fact.parent.bodyId, fact.parent);
            fact.parent = null;
          }
          if (kind === 'role') {
            for (const id of (fact.servesBodyIds as string[]).filter((b) => gone('bodies', b)))
              refer(kind, fact, `${path}.servesBodyIds`, false, 'servesBodyIds', id, id);
            fact.servesBodyIds = (fact.servesBodyIds as string[]).filter((b) => !gone('bodies', b));
          }
          return !bad;
        });
      }
    }
  }
}
