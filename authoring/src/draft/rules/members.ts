/**
 * Who sits in a body and who holds its offices.
 *
 * - `member-list`: list items after a sentence with "består av", "ingår", "utgörs av", "representanter
 *   från" (or under a heading "Sammansättning", "Medlemmar", "Deltagare", "Ledamöter") are members.
 * - `member-enumeration`: the same cue with the members in the sentence ("består av a, b samt c").
 * - `member-count`: a count before the member ("Tre representanter från kommuner") gives its seats.
 * - `chair`, `vice-chair`: "ordförande", "ordförandeskap", "leds av" outside a member list.
 * - `convener`: "sammankallande", "kallar till", "sammankallar"; `agenda`: "dagordning".
 * - `minutes`: "minnesanteckningar", "protokoll" with "förs", "skrivs", "föra".
 * - `substitutes`: "ersättare": "får inte (skicka) ersättare", "inga ersättare" -> FORBIDDEN; "ska utse
 *   ersättare", "en ledamot och en ersättare" (a substitute seat per member) -> REQUIRED; "får skicka
 *   ersättare", "ersättare får närvara" -> ALLOWED.
 */
import type { BodyData } from '@samverkan/contract';
import type { Draft, Subject } from '../model';
import type { Segment } from '../text';
import { countOf, cueStems, findCue, firstCue, tokens, type Token } from '../words';

const MEMBER_CUES = [
  'består av',
  'bestå av',
  'ingår',
  'utgörs av',
  'representanter från',
  'sammansatt av',
  'ledamöter är',
  'deltar',
  'delta i',
  'representeras av',
  'representerade',
  'bemannas med',
  'adjungera',
  'utser en representant',
].map(cueStems);
const MEMBER_HEADING = /^(sammansättning|medlemmar|deltagare|ledamöter|representanter|representation)/i;

/** Where a member cue stands in a sentence (token index after it), or -1; "ingår ... att" is a duty, not members. */
export function memberCue(text: string): { toks: Token[]; after: number } | null {
  const toks = tokens(text);
  const cue = firstCue(toks, MEMBER_CUES);
  if (!cue) return null;
  const after = cue.at + cue.phrase.length;
  if (toks.slice(Math.max(0, cue.at - 3), after + 3).some((t) => t.word.toLowerCase() === 'att' || /^uppdrag/.test(t.stem))) return null;
  // "En ledamot som inte kan delta ...": absence, not who takes part.
  if (toks.slice(Math.max(0, cue.at - 2), cue.at).some((t) => /^(?:inte|ej)$/i.test(t.word))) return null;
  return { toks, after };
}

/** One member from a phrase: "Tre representanter från kommuner" -> function, organisation, seats. */
export function memberOf(phrase: string): Pick<BodyData['composition'][number], 'function' | 'organisation' | 'seats'> | null {
  const p = phrase
    .trim()
    .replace(/[.;:,]+$/, '')
    .trim();
  if (!/\p{L}/u.test(p) || p.length > 200) return null;
  const from = /^(.*?)\s+(?:från|ifrån|för)\s+(.+)$/u.exec(p);
  const func = from ? from[1]! : p;
  const first = func.split(/\s+/)[0] ?? '';
  const n = countOf(first);
  const rest = n !== null ? func.slice(first.length).trim() : func;
  const seats = n !== null && rest ? { min: n, max: n, text: func } : null;
  return { function: rest || func, organisation: from ? from[2]! : null, seats };
}

function addMember(draft: Draft, bodyId: string | null, phrase: string, seg: Segment, rule: string, confidence: number) {
  const body = draft.body(bodyId);
  const m = memberOf(phrase);
  if (!body || !m) return;
  body.composition.push({ ...m, appointedBy: null, note: null, source: draft.source(seg, rule, confidence) });
}

export function memberRules(draft: Draft, seg: Segment, subject: Subject): void {
  if (seg.kind === 'item') {
    const introCue = seg.intro ? memberCue(seg.intro.text) : null;
    if (introCue || (seg.heading && MEMBER_HEADING.test(seg.heading.text))) {
      const bodyId = (seg.intro && draft.bodyNamedIn(seg.intro.text)) ?? subject.bodyId;
      addMember(draft, bodyId, seg.text, seg, 'member-list', introCue ? 0.8 : 0.6);
      return;
    }
  }
  const cue = memberCue(seg.text);
  if (!cue || seg.text.trimEnd().endsWith(':')) return;
  const rest = cue.toks[cue.after];
  if (!rest) return;
  const bodyId = draft.bodyNamedIn(seg.text.slice(0, rest.start)) ?? subject.bodyId;
  for (const part of seg.text.slice(rest.start).split(/,\s*|\s+samt\s+/u)) addMember(draft, bodyId, part, seg, 'member-enumeration', 0.6);
}

const CHAIR = ['ordförande', 'ordförandeskap', 'leds av'].map(cueStems);
const VICE = [cueStems('vice ordförande')];
const CONVENER = ['sammankallande', 'sammankallar', 'kallar till', 'kalla till', 'kallelse'].map(cueStems);
const AGENDA = ['dagordning', 'dagordningen'].map(cueStems);
const MINUTES = /(?<!\p{L})(minnesanteckningar|protokoll)(?!\p{L})/iu;
const MINUTES_KEPT = /(?<!\p{L})(förs|skrivs|föra|skriva|upprättas|justeras)(?!\p{L})/iu;

/** Who, in the sentence's words: the words before the cue ("Ordföranden kallar till ..."), or after "är"/"av". */
function whoIn(seg: Segment, toks: Token[], at: number, fallback: string | null): string {
  const after = /^\S+\s+(?:är|av|utses bland)\s+([^.,;]+)/u.exec(seg.text.slice(toks[at]!.start));
  if (after) return after[1]!.trim();
  // "Gruppen utser själv sin sammankallande": who chooses is the office's answer, in the text's words.
  const chooses = /(?:^|[,;]\s*)([^,;]*?\butser\b[^,;]*)$/u.exec(seg.text.slice(0, toks[at]!.end));
  if (chooses && chooses[1]!.split(/\s+/).length <= 8) return chooses[1]!.trim();
  // The last clause before the cue, without its verb: "... och ordföranden svarar för kallelse" -> "ordföranden".
  const clause = seg.text
    .slice(0, toks[at]!.start)
    .split(/,\s*|\s+(?:och|samt)\s+/u)
    .pop()!
    .trim()
    .replace(/\s+(?:svarar|ansvarar|har ansvar|har ansvaret)\s+för$|\s+(?:är|blir)$/u, '')
    .replace(/[,:]$/, '');
  if (clause && clause.split(/\s+/).length <= 6) return clause;
  return fallback ?? seg.text;
}

export function officeRules(draft: Draft, seg: Segment, subject: Subject): void {
  const toks = tokens(seg.text);
  const named = draft.bodyNamedIn(seg.text);
  const role = draft.role(subject.roleId);
  // A role's duty that names a body ("Kalla till möten i länsdelsgrupp") is about that body.
  const body = draft.body(role && named ? named : (subject.bodyId ?? named ?? subject.sectionBodyId ?? null));
  if (!body) return;
  const inMemberList = memberCue(seg.text) !== null || (seg.kind === 'item' && seg.intro !== null && memberCue(seg.intro.text) !== null);
  const convener = firstCue(toks, CONVENER);
  if (convener && !body.convener) {
    body.convener = { who: role ? role.title : whoIn(seg, toks, convener.at, null), note: null, source: draft.source(seg, 'convener', 0.7) };
  }
  const agenda = firstCue(toks, AGENDA);
  if (agenda && !body.agendaBy)
    body.agendaBy = { who: role ? role.title : whoIn(seg, toks, agenda.at, null), note: null, source: draft.source(seg, 'agenda', 0.5) };
  if (MINUTES.test(seg.text) && !body.minutes) {
    const kept = MINUTES_KEPT.test(seg.text);
    body.minutes = { kept: kept ? true : null, keeper: role ? role.title : null, note: null, source: draft.source(seg, 'minutes', kept ? 0.6 : 0.3) };
  }
  if (inMemberList || convener) return;
  const vice = findCue(toks, VICE[0]!);
  if (vice >= 0 && !body.viceChair)
    body.viceChair = { holder: null, selection: null, term: null, rotation: null, note: null, source: draft.source(seg, 'vice-chair', 0.6) };
  const chair = firstCue(toks, CHAIR);
  if (chair && (vice < 0 || chair.at !== vice + 1) && !body.chair) {
    const led = chair.phrase.length === 2 ? /leds av\s+([^.,;]+)/u.exec(seg.text) : null;
    body.chair = { holder: led ? led[1]!.trim() : null, selection: null, term: null, rotation: null, note: null, source: draft.source(seg, 'chair', 0.6) };
  }
}

// The negation governs the substitute: "får inte skicka ersättare", "ersättare får inte", "inga ersättare";
// not "en ledamot som inte kan delta får skicka ersättare" (the negation is the member's absence).
const FORBIDDEN = new RegExp(
  [
    '(?<!\\p{L})(?:får|kan|ska)\\s+(?:inte|ej)\\s+(?:\\p{L}+\\s+){0,2}?ersättar',
    'ersättare\\s+(?:\\p{L}+\\s+)?(?:får|kan)\\s+(?:inte|ej)(?!\\p{L})',
    '(?<!\\p{L})(?:inga|ej|inte)\\s+(?:\\p{L}+\\s+)?ersättare',
  ].join('|'),
  'iu',
);
const REQUIRED =
  /(?<!\p{L})(?:ska|skall|måste|bör)\s+(?:\p{L}+\s+){0,3}?ersättare|ersättare\s+(?:ska|skall|måste)\s+utses|(?<!\p{L})(?:ledamot|ledamöter|representant\p{L}*)\s+(?:och|samt)\s+(?:en\s+|\p{L}+\s+)?ersättare/iu;
const ALLOWED = /(?<!\p{L})(?:får|kan|möjlighet)(?!\p{L})/iu;

export function substituteRules(draft: Draft, seg: Segment, subject: Subject): void {
  if (!/ersättar/i.test(seg.text)) return;
  const body = draft.body(draft.bodyNamedIn(seg.text) ?? subject.bodyId);
  if (!body || body.substitutes.source) return;
  const rule = FORBIDDEN.test(seg.text) ? 'FORBIDDEN' : REQUIRED.test(seg.text) ? 'REQUIRED' : ALLOWED.test(seg.text) ? 'ALLOWED' : 'NOT_STATED';
  body.substitutes = {
    rule,
    note: rule === 'NOT_STATED' ? 'The text speaks of substitutes without a rule the draft could read.' : null,
    source: draft.source(seg, 'substitutes', rule === 'NOT_STATED' ? 0.3 : 0.7),
  };
}
