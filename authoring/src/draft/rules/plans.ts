/**
 * Plans and decision rules.
 *
 * - `plan-named`: a plan noun ("handlingsplan", "aktivitetsplan", "årshjul", "styrdokument",
 *   "överenskommelse", "verksamhetsplan" ...) names a plan, once per distinct compound; its first
 *   mention is the quote. A body named in the same sentence, or the section's body, is its owner.
 * - `plan-revision`: "revideras", "uppdateras", "ses över", "följs upp" with a frequency phrase gives
 *   the plan's revision cycle.
 * - `decision-rule`: a sentence or item about who decides, appoints or has a mandate ("beslut fattas",
 *   "fattar beslut", "beslutar", "fastställa", "i konsensus", "mandat att", "rekommendation", "tar
 *   ställning"), and numbered items under a heading about decisions; a numbered
 *   item keeps its number as `ordinal`. A body's "Besluta om ..." duty is also a decision rule.
 * - `plan-titled`: a list item or emphasised phrase that is a plan's title ("Plan för psykisk hälsa",
 *   "*Överenskommelser om samverkan ...*") names that plan.
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

/** A title: an item that starts with a plan noun and has no verb-like ending, or an emphasised phrase with one. */
export function planTitle(seg: Segment): string | null {
  const emphasised = /\*([^*]{5,150})\*/u.exec(seg.text);
  if (emphasised && planMentions(emphasised[1]!).length) return emphasised[1]!.trim();
  const [w1 = '', w2 = ''] = seg.text.split(/\s+/);
  const opens =
    planMentions(w1).length > 0 || (/(?:al|ell|isk|iska|gemensam|gemensamma|lokala|regionala|nationella)$/i.test(w1) && planMentions(w2).length > 0);
  if (seg.kind === 'item' && seg.text.length <= 120 && !/[.:]$/.test(seg.text) && (opens || /^plan\s+för\s/iu.test(seg.text))) return seg.text.trim();
  return null;
}

export function planRules(draft: Draft, seg: Segment, subject: Subject, known: Map<string, string>): boolean {
  const mentions = planMentions(seg.text);
  const title = planTitle(seg);
  if (title && !known.has(title.toLowerCase())) {
    const id = draft.ids.take(slug(title));
    known.set(title.toLowerCase(), id);
    if (mentions[0]) known.set(mentions[0].key, known.get(mentions[0].key) ?? id);
    draft.plans.push({
      id,
      name: title,
      kind: mentions[0]?.kind ?? 'OTHER',
      ownerBodyId: null,
      ownerText: null,
      description: null,
      revision: null,
      notes: [],
      source: draft.source(seg, 'plan-titled', 0.6),
    });
  }
  for (const m of mentions) {
    if (known.has(m.key)) continue;
    const owner = draft.bodyNamedIn(seg.text) ?? subject.bodyId;
    const id = draft.ids.take(slug(m.key));
    known.set(m.key, id);
    draft.plans.push({
      id,
      name: m.word.charAt(0).toUpperCase() + m.word.slice(1),
      kind: m.kind,
      ownerBodyId: owner,
      ownerText: null,
      description: null,
      revision: null,
      notes: [],
      source: draft.source(seg, 'plan-named', 0.5),
    });
  }
  const first = mentions[0];
  // A planning day or an annual cycle recurs: its frequency is its cycle even without "revideras".
  if (first && (REVISION.test(seg.text) || ['PLANNING_DAY', 'ANNUAL_PLANNING', 'ANNUAL_CYCLE'].includes(first.kind))) {
    const plan = draft.plans.find((p) => p.id === known.get(first.key));
    const revision = plan && !plan.revision ? cadenceOf(draft, seg, 'plan-revision', 0.6) : null;
    if (plan && revision) plan.revision = revision;
  }
  return mentions.length > 0;
}

const DECISION = ['beslut fattas', 'fattar beslut', 'fatta beslut', 'mandat att', 'mandat för', 'tar ställning', 'ansvaret ligger'].map(cueStems);
/** Decision verbs as words: their stem ("beslut") is also the noun, which alone is no rule. */
const DECISION_WORDS =
  /(?<!\p{L})(?:besluta|beslutar|beslutas|fastställa|fastställer|fastställs|konsensus|enighet|enig|rekommendation|rekommenderande|beslutsmandat)(?!\p{L})/iu;

export function decisionRules(draft: Draft, seg: Segment): boolean {
  const underDecisions = seg.heading !== null && /beslut|mandat|ärenden/i.test(seg.heading.text);
  const numbered = seg.ordinal !== null && underDecisions;
  if (!numbered && !DECISION_WORDS.test(seg.text) && !firstCue(tokens(seg.text), DECISION)) return false;
  draft.decisionRules.push({
    id: draft.ids.take(slug(`beslut ${seg.text}`, 6)),
    ordinal: seg.ordinal,
    text: seg.text,
    appliesTo: seg.heading?.text ?? null,
    source: draft.source(seg, 'decision-rule', numbered ? 0.7 : 0.5),
  });
  return true;
}
