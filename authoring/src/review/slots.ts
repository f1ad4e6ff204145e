/**
 * Where a fact can stand, for changing its type, linking it to another body or role, and making a
 * new one from a passage (shared by the page and its server). A type is a slot of a body or a role,
 * or a top-level list; facts of one shape (a statement, a cadence, an office, a duty holder) may move
 * between the slots of that shape.
 */
import { normalizeFrequency } from '../../../contract/src/frequency';
import { slug, valueAt, type Json, type Path } from './model';

export type Owner = 'body' | 'role' | 'file';
export interface SlotKind {
  slot: string;
  owner: Owner;
  list: boolean;
  /** Facts of the same shape may change between these slots. */
  shape: string;
  label: string;
}

export const SLOT_KINDS: readonly SlotKind[] = [
  { slot: 'purposes', owner: 'body', list: true, shape: 'statement', label: 'Purpose' },
  { slot: 'assignments', owner: 'body', list: true, shape: 'statement', label: 'Assignment' },
  { slot: 'establishedBy', owner: 'body', list: false, shape: 'statement', label: 'Established by' },
  { slot: 'noticeContent', owner: 'body', list: false, shape: 'statement', label: 'Notice content' },
  { slot: 'composition', owner: 'body', list: true, shape: 'member', label: 'Member' },
  { slot: 'cadence', owner: 'body', list: false, shape: 'cadence', label: 'Meeting cadence' },
  { slot: 'otherMeetings', owner: 'body', list: true, shape: 'cadence', label: 'Other meetings' },
  { slot: 'chair', owner: 'body', list: false, shape: 'office', label: 'Chair' },
  { slot: 'viceChair', owner: 'body', list: false, shape: 'office', label: 'Vice chair' },
  { slot: 'convener', owner: 'body', list: false, shape: 'holder', label: 'Convener' },
  { slot: 'agendaBy', owner: 'body', list: false, shape: 'holder', label: 'Agenda prepared by' },
  { slot: 'duties', owner: 'role', list: true, shape: 'duty', label: 'Role duty' },
  { slot: 'reportingDuties', owner: 'file', list: true, shape: 'reportingDuty', label: 'Reporting duty' },
  { slot: 'regionalFacts', owner: 'file', list: true, shape: 'regionalFact', label: 'Regional fact' },
  { slot: 'decisionRules', owner: 'file', list: true, shape: 'decisionRule', label: 'Decision rule' },
];

/** Labels of the slots no new fact is made in (they are shown, edited, accepted and rejected all the same). */
const OTHER_LABELS: Record<string, string> = {
  document: 'Document',
  publisher: 'Publisher',
  validity: 'Validity',
  levelSource: 'Level stated',
  permanenceSource: 'Permanence stated',
  instances: 'Instances',
  parent: 'Parent body',
  substitutes: 'Substitutes',
  minutes: 'Minutes',
  roles: 'Role',
  employer: 'Employer',
  financing: 'Financing',
  postHolders: 'Post holders',
  plans: 'Plan',
  revision: 'Revision cadence',
  events: 'Event',
};

export const slotKind = (slot: string) => SLOT_KINDS.find((k) => k.slot === slot);
export const slotLabel = (slot: string) => slotKind(slot)?.label ?? OTHER_LABELS[slot] ?? slot;

/** The slots a fact in `slot` may change to (itself included); just itself when it has no kin. */
export function kindsLike(slot: string): SlotKind[] {
  const kind = slotKind(slot);
  return kind ? SLOT_KINDS.filter((k) => k.shape === kind.shape && k.owner === kind.owner) : [];
}

/** The owner of a fact at `path` (a body or role index), for moving it. */
export function ownerOf(path: Path): { owner: Owner; index: number | null } {
  if (path[0] === 'bodies' && path.length > 2) return { owner: 'body', index: path[1] as number };
  if (path[0] === 'roles' && path.length > 2) return { owner: 'role', index: path[1] as number };
  return { owner: 'file', index: null };
}

/** Where a fact of `slot` goes for owner `index`: a list gets it at its end. */
export function placeFor(data: Json, kind: SlotKind, index: number | null): Path {
  const base: Path = kind.owner === 'body' ? ['bodies', index!] : kind.owner === 'role' ? ['roles', index!] : [];
  if (!kind.list) return [...base, kind.slot];
  const list = (valueAt(data, [...base, kind.slot]) as unknown[] | undefined) ?? [];
  return [...base, kind.slot, list.length];
}

/** Puts `value` at `place`; refuses a single slot that already holds a fact. */
export function putAt(data: Json, place: Path, value: Json): string | null {
  const parent = valueAt(data, place.slice(0, -1));
  const last = place.at(-1)!;
  if (Array.isArray(parent)) {
    parent.push(value);
    return null;
  }
  if (!parent || typeof parent !== 'object') return `there is nothing at ${String(place.slice(0, -1).join('.'))}`;
  const record = parent as Json;
  if (record[last] != null) return `${slotLabel(String(last))} is already set there: reject or move that one first`;
  record[last] = value;
  return null;
}

/** The cadence numbers the frequency normalizer makes of a phrase, as a cadence stores them. */
export function cadenceNumbers(text: string) {
  const n = normalizeFrequency(text);
  return { minPerYear: n.minPerYear, maxPerYear: n.maxPerYear, approximate: n.approximate, whenNeeded: n.whenNeeded, recognized: n.recognized };
}

const ids = (data: Json) =>
  new Set([
    ...['bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts', 'events'].flatMap((k) =>
      ((data[k] as Json[] | undefined) ?? []).map((x) => String(x.id)),
    ),
  ]);

/**
 * A new fact of `kind` from a passage: its quote and section filled in, the words the team must give
 * (an English description, a topic) left empty, so the checks ask for them and nothing is invented.
 */
export function newFact(data: Json, kind: SlotKind, quote: string, section: string): Json {
  const source = { section, quote };
  switch (kind.shape) {
    case 'statement':
      return { text: quote, source };
    case 'member':
      return { function: quote, source };
    case 'cadence': {
      const { recognized: _, ...numbers } = cadenceNumbers(quote);
      return { text: quote, ...numbers, source };
    }
    case 'office':
      return { holder: null, source };
    case 'holder':
      return { who: quote, source };
    case 'duty':
      return { text: quote, category: 'OTHER', source };
    case 'reportingDuty':
      return { id: slug(quote, ids(data)), artifact: 'OTHER', description: '', fromText: '', toText: '', notes: [], source };
    case 'regionalFact':
      return { id: slug(quote, ids(data)), topic: '', name: '', value: quote, source };
    default:
      return { id: slug(quote, ids(data)), ordinal: null, text: quote, source };
  }
}

/** A new body named by a passage (a heading, usually); its kind and level are the team's to set. */
export function newBody(data: Json, name: string): Json {
  return {
    id: slug(name, ids(data)),
    name,
    kind: 'OTHER',
    level: null,
    levelBasis: 'NOT_STATED',
    permanence: 'NOT_STATED',
    purposes: [],
    assignments: [],
    composition: [],
    substitutes: { rule: 'NOT_STATED', source: null },
    otherMeetings: [],
    notes: [],
  };
}
