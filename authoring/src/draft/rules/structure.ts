/**
 * Rules that find the structure: the bodies and roles a document names.
 *
 * - `heading-names-body`: a heading whose words include a body noun ("Beredningsgruppen", "Chefsgrupp
 *   för folkhälsa", "Gemensam presidiekonferens") names a body; the text under it is about that body.
 * - `text-names-body`: a compound body noun in running text ("styrgrupp", "arbetsutskottet", "den
 *   samordnande gruppen") names a body the headings did not.
 * - `heading-names-role` / `text-names-role`: the same for role titles (samordnare, utvecklingsledare ...).
 * - `body-level-stated`, `body-permanence-stated`: "strategisk nivå", "tillfällig", "stående" in a
 *   body's own section.
 * - `body-parent`: "X tillsätts av Y" / "utses av" (APPOINTED_BY), "X är underställd Y" (REPORTS_TO),
 *   "X inrättas av Y" (ESTABLISHED_BY), "X styrs av Y" (STEERED_BY), where Y is a body the draft knows:
 *   X's parent is Y. X is the body named before the verb, or, for "Den"/"Gruppen"/"Nätverket", the
 *   body the sentence is about.
 */
import type { BodyData } from '@samverkan/contract';
import { bodyKind, roleKind } from '../lexicon';
import { bodyMentions, roleMentions, type Draft, type Mention } from '../model';
import type { Heading, Segment } from '../text';
import { tokens, type Token } from '../words';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Samordningsgruppens" -> "Samordningsgruppen"; "presidiekonferens" stays. */
export function withoutGenitive(name: string, head: string): string {
  return name.endsWith('s') && !name.toLowerCase().endsWith(head) && name.length > head.length + 1 ? name.slice(0, -1) : name;
}

/** The body's name as the heading gives it: modifiers before the head, a "för/inom ..." tail after it. */
export function nameFrom(toks: Token[], text: string, m: Mention): string {
  let first = m.written?.start ?? m.index;
  while (
    first > 0 &&
    /(?:ande|iska|iskt|isk|gemensamma|gemensamt|gemensam|lokala|lokalt|regionala|regionalt|stående|tillfälliga|permanenta|politiska|specifikt|specifika)$/i.test(
      toks[first - 1]!.word,
    )
  )
    first--;
  let last = m.index;
  const next = toks[m.index + 1]?.word.toLowerCase();
  if (next === 'för' || next === 'inom') last = toks.length - 1;
  // "Samordningsförbundet Mellansjö": a proper name after the head is part of the body's name.
  else while (/^\p{Lu}/u.test(toks[last + 1]?.word ?? '') && text.slice(toks[last]!.end, toks[last + 1]!.start) === ' ') last++;
  let head = text.slice(toks[first]!.start, toks[last]!.end);
  // Genitive "gruppers uppdrag" -> "grupper" (not the s of a head such as "konferens").
  if (last === m.index) head = withoutGenitive(head, m.head);
  return capital(head);
}

/**
 * A heading that starts with a body noun and goes on in lower-case words names the body in full
 * ("Arbetsgrupp psykisk hälsa", "Samverkansgrupp barn och unga"): a heading is a name, not a sentence.
 * Not when the words after the noun say something about it ("Beredningsgruppens uppdrag"), nor after a
 * colon or dash, nor for a long heading (more than six words).
 */
function headingTail(toks: Token[], text: string, m: Mention): string {
  const after = toks.slice(m.index + 1);
  if (m.index !== 0 || after.length === 0 || toks.length > 6) return '';
  if (/[:–—(]/u.test(text.slice(toks[m.index]!.end))) return '';
  if (/s$/i.test(toks[m.index]!.word) && !toks[m.index]!.word.toLowerCase().endsWith(m.head)) return '';
  if (!after.every((t) => /^\p{Ll}/u.test(t.word) || /^(?:och|samt)$/u.test(t.word))) return '';
  return ' ' + text.slice(after[0]!.start, after.at(-1)!.end).toLowerCase();
}

function headingName(toks: Token[], text: string, m: Mention): string | null {
  const tail = headingTail(toks, text, m);
  return tail ? capital(text.slice(toks[0]!.start, toks[m.index]!.end) + tail) : null;
}

function emptyBody(name: string, kind: BodyData['kind']): Omit<BodyData, 'id'> {
  return {
    name,
    kind,
    level: null,
    levelBasis: 'NOT_STATED',
    levelSource: null,
    permanence: 'NOT_STATED',
    permanenceSource: null,
    instances: null,
    parent: null,
    establishedBy: null,
    purposes: [],
    assignments: [],
    composition: [],
    substitutes: { rule: 'NOT_STATED', note: null, source: null },
    chair: null,
    viceChair: null,
    convener: null,
    agendaBy: null,
    minutes: null,
    noticeContent: null,
    cadence: null,
    otherMeetings: [],
    notes: [],
  };
}

function roleFrom(draft: Draft, m: Mention, title: string, source: ReturnType<Draft['source']>): string {
  return draft.addRole(m.key, {
    title: capital(title),
    kind: roleKind(m.head, m.prefix),
    kindNote: null,
    employer: null,
    financing: null,
    postHolders: null,
    servesBodyIds: [],
    duties: [],
    notes: [],
    source,
  });
}

/** Bodies and roles named by headings; sets what each heading is about (inherited by subheadings that name none). */
export function headingRules(draft: Draft): void {
  const { headings } = draft.outline;
  headings.forEach((h: Heading, i) => {
    const toks = tokens(h.text);
    const bodies = bodyMentions(toks, true, h.text);
    const roles = roleMentions(toks);
    let subject = { bodyId: null as string | null, roleId: null as string | null };
    const body = bodies[0];
    if (body && (!roles[0] || body.index <= roles[0].index || i === 0)) {
      const name = headingName(toks, h.text, body) ?? nameFrom(toks, h.text, body);
      // "Chefsgrupp för folkhälsa" and "Chefsgrupp för skola" are two bodies, and so are "Arbetsgrupp
      // psykisk hälsa" and "Arbetsgrupp äldres hälsa": the tail is part of the key.
      const tail = /\s(?:för|inom)\s.+$/u.exec(name)?.[0].toLowerCase() ?? headingTail(toks, h.text, body);
      subject.bodyId = draft.addBody(`${body.key}${tail}`, emptyBody(name, bodyKind(body.head, body.prefix, body.before)));
      if (i === 0) draft.mainBodyId = subject.bodyId;
    } else if (roles[0]) {
      const r = roles[0];
      subject.roleId = roleFrom(draft, r, h.text.slice(toks[r.index]!.start, toks[r.index]!.end), draft.headingSource(h, 'heading-names-role', 0.7));
    }
    if (!subject.bodyId && !subject.roleId) {
      // A subheading ("Uppdrag", "Sammansättning") is about what the heading above it is about; in a
      // text without heading levels, a short heading is about what the last heading that named one was.
      const parent = [...headings.slice(0, i)].reverse().find((p) => p.level < h.level);
      const previous = [...headings.slice(0, i)].reverse().find((p) => draft.headingSubject.get(p)?.bodyId || draft.headingSubject.get(p)?.roleId);
      const from = parent ?? (h.text.split(/\s+/).length <= 4 && i > 0 ? previous : undefined);
      if (from) subject = { ...(draft.headingSubject.get(from) ?? subject) };
    }
    draft.headingSubject.set(h, subject);
  });
}

const PREDICATE = /(?<!\p{L})(?:är|utgör|fungerar som)\s+(?:den|det|en|ett)\s+(?:\p{L}+\s+){0,2}$/iu;

/** Bodies and roles named in running text, each once, with the first sentence that names it. */
export function textRules(draft: Draft, seg: Segment): void {
  const toks = tokens(seg.text);
  for (const m of bodyMentions(toks, false, seg.text)) {
    if (
      draft.bodyByKey(m.key) ||
      (!m.hyphenated && draft.bodyNamedIn(seg.text.slice(toks[m.index]!.start - (m.before ? m.before.length + 1 : 0), toks[m.index]!.end)))
    )
      continue;
    // "arbetsgruppen" beside "Arbetsgrupp psykisk hälsa" and "Arbetsgrupp äldres hälsa": a short form of named bodies, not a new one.
    if (draft.hasBodyKeyStartingWith(m.key)) continue;
    // "X är den strategiska ledningsgruppen för ...": a predicate says what X is; it names no other body.
    if (PREDICATE.test(seg.text.slice(0, toks[m.index - (m.before ? 1 : 0)]!.start))) continue;
    const written = m.written
      ? m.written.text
      : m.hyphenated
        ? `${m.hyphenated}${m.head}`
        : seg.text.slice(toks[m.index - (m.before ? 1 : 0)]!.start, toks[m.index]!.end);
    const name = withoutGenitive(capital(written), m.head);
    draft.addBody(m.key, { ...emptyBody(name, bodyKind(m.head, m.prefix, m.before)), notes: [] });
  }
  for (const m of roleMentions(toks)) {
    if (draft.roleByKey(m.key)) continue;
    roleFrom(draft, m, toks[m.index]!.word, draft.source(seg, 'text-names-role', 0.5));
  }
}

const LEVEL = /(?<!\p{L})(politisk|strategisk|taktisk|operativ)(?:a|t)?\s+nivå/iu;
const LEVELS = { politisk: 'POLITICAL', strategisk: 'STRATEGIC', taktisk: 'TACTICAL', operativ: 'OPERATIONAL' } as const;
const TEMPORARY = /(?<!\p{L})(tillfällig(?:a|t)?|tidsbegränsad(?:e)?|tidsatt|upplöses)(?!\p{L})/iu;
const PERMANENT = /(?<!\p{L})(permanent(?:a)?|stående|ordinarie struktur)(?!\p{L})/iu;

/** Level and permanence, when a sentence in the body's own section states them. */
export function bodyStatementRules(draft: Draft, seg: Segment, bodyId: string | null): void {
  const body = draft.body(bodyId);
  if (!body) return;
  const level = LEVEL.exec(seg.text);
  if (level && body.levelBasis === 'NOT_STATED' && (draft.bodyNamedIn(seg.text) === body.id || seg.heading)) {
    body.level = LEVELS[level[1]!.toLowerCase() as keyof typeof LEVELS];
    body.levelBasis = 'STATED';
    body.levelSource = draft.source(seg, 'body-level-stated', 0.6);
  }
  if (body.permanence === 'NOT_STATED') {
    const t = TEMPORARY.test(seg.text) ? 'TEMPORARY' : PERMANENT.test(seg.text) ? 'PERMANENT' : null;
    if (t) {
      body.permanence = t;
      body.permanenceSource = draft.source(seg, 'body-permanence-stated', 0.5);
    }
  }
}

const PARENT_CUES: Array<[RegExp, NonNullable<BodyData['parent']>['relation']]> = [
  [/(?<!\p{L})(?:tillsätts|tillsattes|tillsatt|tillsatta|utses|utsågs|utsedd|utsedda)\s+av\s/iu, 'APPOINTED_BY'],
  [/(?<!\p{L})(?:underställd|underställt|underställda|underordnad|underordnat|underordnade)\s/iu, 'REPORTS_TO'],
  [/(?<!\p{L})(?:inrättas|inrättades|inrättad|inrättat|inrättade)\s+av\s/iu, 'ESTABLISHED_BY'],
  [/(?<!\p{L})(?:styrs|styrdes)\s+av\s/iu, 'STEERED_BY'],
];

/** A body's parent, when a sentence says who appoints, establishes or steers it, or whom it is under. */
export function parentRules(draft: Draft, seg: Segment, subjectBodyId: string | null): void {
  for (const [cue, relation] of PARENT_CUES) {
    const at = cue.exec(seg.text);
    if (!at) continue;
    const before = seg.text.slice(0, at.index);
    // "Den", "Gruppen", "Nätverket är": a sentence about the body of its section.
    const child = draft.bodyNamedIn(before) ?? (before.trim().split(/\s+/).length <= 3 ? subjectBodyId : null);
    const parent = draft.bodyNamedIn(seg.text.slice(at.index + at[0].length));
    const body = draft.body(child);
    if (!body || !parent || parent === body.id || body.parent) return;
    body.parent = { bodyId: parent, relation, source: draft.source(seg, 'body-parent', 0.7) };
    return;
  }
}
