/**
 * Plans and decision rules.
 *
 * - `plan-named`: a plan noun ("handlingsplan", "aktivitetsplan", "årshjul", "styrdokument",
 *   "överenskommelse", "verksamhetsplan" ...) names a plan, once per distinct compound; its first
 *   mention is the quote. A body named in the same sentence, or the section's body, is its owner.
 * - `plan-revision`: "revideras", "uppdateras", "ses över", "följs upp" with a frequency phrase gives
 *   the plan's revision cycle.
 * - `decision-rule`: a sentence about how decisions are made ("beslut fattas", "fattar beslut",
 *   "beslutar", "i konsensus", "enighet", "mandat att", "rekommendation"), and numbered items under a
 *   heading about decisions, are decision rules; a numbered item keeps its number as `ordinal`.
 */
import type { Draft, Subject } from '../model';
import { PLAN_HEADS } from '../lexicon';
import type { Segment } from '../text';
import { cueStems, firstCue, nounHead, slug, tokens } from '../words';
import { cadenceOf } from './cadence';

const HEADS = PLAN_HEADS.map(([h]) => h);

/** The plan nouns of a text: key (the compound, lower case, without endings) and the word as written. */
export function planMentions(text: string): Array<{ key: string; word: string; kind: (typeof PLAN_HEADS)[number][1] }> {
  const out: Array<{ key: string; word: string; kind: (typeof PLAN_HEADS)[number][1] }> = [];
  for (const t of tokens(text)) {
    const h = nounHead(t.word, HEADS);
    if (!h || (h.head === 'plan' && !h.prefix) || /^(?:ut|in|om)$/.test(h.prefix)) continue;
    if (h.head === 'plan' && /(?:strukturell|övergripande|lokal|nationell)$/i.test(h.prefix)) continue;
    out.push({ key: `${h.prefix}${h.head}`, word: t.word, kind: PLAN_HEADS.find(([x]) => x === h.head)![1] });
  }
  return out;
}

const REVISION = /(?<!\p{L})(?:revider\p{L}*|uppdater\p{L}*|ses över|följs upp|fastställs|tas fram)(?!\p{L})/iu;

export function planRules(draft: Draft, seg: Segment, subject: Subject, known: Map<string, string>): boolean {
  const mentions = planMentions(seg.text);
  for (const m of mentions) {
    if (known.has(m.key)) continue;
    const owner = draft.bodyNamedIn(seg.text) ?? subject.bodyId;
    const id = draft.ids.take(slug(m.key));
    known.set(m.key, id);
    draft.plans.push({
      id, name: m.word.charAt(0).toUpperCase() + m.word.slice(1), kind: m.kind, ownerBodyId: owner, ownerText: null, description: null,
      revision: null, notes: [], source: draft.source(seg, 'plan-named', 0.5),
    });
  }
  const first = mentions[0];
  if (first && REVISION.test(seg.text)) {
    const plan = draft.plans.find((p) => p.id === known.get(first.key));
    const revision = plan && !plan.revision ? cadenceOf(draft, seg, 'plan-revision', 0.6) : null;
    if (plan && revision) plan.revision = revision;
  }
  return mentions.length > 0;
}

const DECISION = ['beslut fattas', 'fattar beslut', 'fatta beslut', 'beslutar', 'beslutas', 'konsensus', 'enighet', 'enig', 'mandat att', 'mandat för', 'rekommendation', 'rekommenderande', 'beslutsmandat'].map(cueStems);

export function decisionRules(draft: Draft, seg: Segment): boolean {
  const underDecisions = seg.heading !== null && /beslut|mandat|ärenden/i.test(seg.heading.text);
  const numbered = seg.ordinal !== null && underDecisions;
  if (!numbered && !firstCue(tokens(seg.text), DECISION)) return false;
  // A list item under a body is one of its duties ("Besluta om mål ..."), not a rule about deciding.
  if (!numbered && seg.kind === 'item' && !underDecisions) return false;
  draft.decisionRules.push({
    id: draft.ids.take(slug(`beslut ${seg.text}`, 6)),
    ordinal: seg.ordinal,
    text: seg.text,
    appliesTo: seg.heading?.text ?? null,
    source: draft.source(seg, 'decision-rule', numbered ? 0.7 : 0.5),
  });
  return true;
}
