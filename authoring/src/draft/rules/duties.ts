/**
 * What bodies and roles are to do, and what bodies are for.
 *
 * - `duty-list`: list items after "ansvarar för:", "har i uppdrag att:", "uppdrag:", "innebär att:",
 *   "ska:" ..., or under a heading about an assignment ("Uppdrag", "Ansvar", "Arbetsuppgifter") or under
 *   a heading that names a body or role, are duties of that body or role.
 * - `duty-sentence`: a sentence with "ansvarar för", "har ansvar för", "har i uppdrag att", "har till
 *   uppgift att", "uppdraget är att".
 * - `purpose`: "Syftet med ... är", a sentence or list under a heading "Syfte" / "Mål".
 * - `duty-category`: keywords of the duty give its category (kalla -> CONVENING, följa upp ->
 *   FOLLOW_UP_EVALUATION ...).
 */
import type { StatementData } from '@samverkan/contract';
import type { Draft, Subject } from '../model';
import type { Segment } from '../text';
import { cueStems, firstCue, tokens } from '../words';

type Category = NonNullable<StatementData['category']>;

const CATEGORIES: Array<[RegExp, Category]> = [
  [/(?<!\p{L})(?:kalla|kallar|sammankalla)/iu, 'CONVENING'],
  [/minnesanteckning|protokoll/iu, 'MINUTES'],
  [/handlingsplan|aktivitetsplan/iu, 'ACTION_PLAN'],
  [/omvärldsbevak|bevaka/iu, 'MONITORING'],
  [/följa upp|följer upp|uppfölj|utvärder/iu, 'FOLLOW_UP_EVALUATION'],
  [/rapporter|återkoppl|redovis/iu, 'REPORTING'],
  [/informer|information|utbild|sprida|kommunikation/iu, 'INFORMATION_TRAINING'],
  [/nätverk|dialog|erfarenhetsutbyte/iu, 'NETWORKING'],
  [/(?<!\p{L})bereda|beredning|beslutsunderlag|förslag|underlag/iu, 'DECISION_PREPARATION'],
  [/besluta|beslutar|fastställ|fatta beslut|fattar beslut|inriktningsbeslut/iu, 'DECISION_MAKING'],
  [/budget|ekonomi/iu, 'BUDGET_ECONOMY'],
  [/representera|företräda/iu, 'REPRESENTATION'],
  [/(?<!\p{L})(?:leda|leder|utveckla|initiera|driva|motor)/iu, 'LEADING_DEVELOPMENT'],
  [/planera|samordna|prioritera/iu, 'PLANNING_COORDINATION'],
  [/stöd/iu, 'SUPPORT'],
];

export function categoryOf(text: string): Category {
  // Budget and minutes are topics of their own, whatever the verb; otherwise the keyword that comes
  // first wins: a duty's verb ("följa upp") before its object ("handlingsplanen").
  if (/budget|ekonomi/iu.test(text)) return 'BUDGET_ECONOMY';
  if (/minnesanteckning|protokoll/iu.test(text)) return 'MINUTES';
  let best: { at: number; category: Category } = { at: Infinity, category: 'OTHER' };
  for (const [re, category] of CATEGORIES) {
    const at = re.exec(text)?.index;
    if (at !== undefined && at < best.at) best = { at, category };
  }
  return best.category;
}

const DUTY_CUES = [
  'svarar för',
  'mandat att',
  'ansvarar för',
  'ansvara för',
  'ansvar för',
  'i uppdrag att',
  'till uppgift att',
  'uppdraget är att',
  'uppdrag är att',
  'innebär att',
].map(cueStems);
const DUTY_HEADING = /(?:uppdrag|ansvar|uppgift|arbetsuppgift|åtagande|roll|funktion)/i;
const PURPOSE_HEADING = /^(?:syfte|mål|målsättning|ändamål)/i;
const INTRO_DUTY = /(?:ansvar|uppdrag|uppgift|ska|skall|innebär att|att)\s*:?\s*$/i;

const MODAL = /(?<!\p{L})(?:ska|skall|kan|bör|utser|förbereder|beslutar|bereder|tar ställning|fattar)(?!\p{L})/iu;

export function isDutyIntro(text: string): boolean {
  return text.trimEnd().endsWith(':') && (INTRO_DUTY.test(text.trimEnd().replace(/:$/, '')) || firstCue(tokens(text), DUTY_CUES) !== null);
}

function addDuty(draft: Draft, subject: Subject, seg: Segment, rule: string, confidence: number) {
  const role = draft.role(subject.roleId);
  const category = categoryOf(seg.text);
  const group = seg.heading?.text ?? null;
  if (role) {
    role.duties.push({ group, text: seg.text, category, source: draft.source(seg, rule, confidence) });
    return;
  }
  const body = draft.body(subject.bodyId);
  if (body) body.assignments.push({ text: seg.text, group, category, note: null, source: draft.source(seg, rule, confidence) });
}

function addPurpose(draft: Draft, subject: Subject, seg: Segment) {
  const body = draft.body(subject.bodyId ?? draft.mainBodyId);
  if (body) body.purposes.push({ text: seg.text, group: seg.heading?.text ?? null, note: null, source: draft.source(seg, 'purpose', 0.5) });
}

/** Duties and purposes for one segment not already taken as a member, an office or a report. */
export function dutyRules(draft: Draft, seg: Segment, subject: Subject): void {
  const heading = seg.heading?.text ?? '';
  if (seg.kind === 'item') {
    const intro = seg.intro && seg.intro.heading === seg.heading ? seg.intro.text : null;
    if (PURPOSE_HEADING.test(heading) || (intro && /syfte|målet|mål är/i.test(intro))) return addPurpose(draft, subject, seg);
    const headingSubject = seg.heading ? draft.headingSubject.get(seg.heading) : undefined;
    const underSubject = !!headingSubject && (headingSubject.bodyId !== null || headingSubject.roleId !== null);
    if ((intro && isDutyIntro(intro)) || DUTY_HEADING.test(heading) || underSubject) {
      addDuty(draft, subject, seg, 'duty-list', intro && isDutyIntro(intro) ? 0.7 : 0.5);
    }
    return;
  }
  if (/^syftet\b/i.test(seg.text) || /(?<!\p{L})syftet med\s/iu.test(seg.text)) return addPurpose(draft, subject, seg);
  if (seg.text.trimEnd().endsWith(':')) return;
  if (firstCue(tokens(seg.text), DUTY_CUES)) return addDuty(draft, subject, seg, 'duty-sentence', 0.6);
  // "Arbetsutskottet förbereder ...", "Länsdelsgrupperna ska utse ...", "Gruppen kan skapa ...": the body named first does.
  const opening = seg.text.split(/\s+/).slice(0, 5).join(' ');
  const named = draft.bodyNamedIn(opening) ?? draft.roleNamedIn(opening);
  if ((named || /^(?:gruppen|den|de|dessa)\s/i.test(opening)) && MODAL.test(seg.text)) addDuty(draft, subject, seg, 'duty-modal', 0.4);
}
