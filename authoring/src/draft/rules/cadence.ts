/**
 * How often bodies meet and who reports to whom.
 *
 * - `meeting-cadence`: a sentence with "träffas", "möts", "sammanträder", "möten", "mötesfrekvens" (or
 *   under a heading about meetings) and a frequency phrase the contract's normalizer reads gives the
 *   body's cadence; a second one goes to its other meetings.
 * - `reporting-duty`: "rapporterar till", "återrapporterar", "redovisar för/till", "lämnar rapport till",
 *   "återkopplar till", or a report noun ("årsrapport", "halvårsvisa rapporter") gives a reporting duty;
 *   the recipient is what follows "till"/"för"/"på", resolved to a body or a role where it names one.
 * - `reporting-cadence`: a frequency phrase in the same sentence is the duty's cadence.
 */
import { normalizeFrequency, type CadenceData, type ReportingDutyData } from '@samverkan/contract';
import type { Draft, Subject } from '../model';
import type { Segment } from '../text';
import { cueStems, firstCue, slug, tokens } from '../words';

const QUALIFIERS = /^(?:minst|cirka|ca|ungefär|omkring|runt|högst|maximalt|åtminstone)$/i;

/**
 * The shortest run of words in `text` that the normalizer reads as the same numbers as the whole text,
 * widened by a qualifier before it ("minst", "cirka") and "vid behov" after it; null when none.
 */
export function frequencyPhrase(text: string): string | null {
  const whole = normalizeFrequency(text);
  if (!whole.recognized) return null;
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].replace(/[.,;:)]+$/, '').length, word: m[0] }));
  const same = (s: string) => {
    const n = normalizeFrequency(s);
    return (
      n.recognized &&
      n.minPerYear === whole.minPerYear &&
      n.maxPerYear === whole.maxPerYear &&
      (n.minPerYear !== null || n.maxPerYear !== null || n.approximate === whole.approximate)
    );
  };
  for (let len = 1; len <= 8; len++) {
    for (let i = 0; i + len <= words.length; i++) {
      let from = i;
      const to = i + len - 1;
      const phrase = () => text.slice(words[from]!.start, words[to]!.end);
      if (!same(phrase())) continue;
      if (from > 0 && QUALIFIERS.test(words[from - 1]!.word)) from--;
      const tail = text.slice(words[to]!.end);
      const needed = /^\s*(?:,\s*)?(?:och|samt|eller)\s+(?:därutöver\s+|även\s+)?(?:vid|efter)\s+behov/iu.exec(tail);
      if (needed) return text.slice(words[from]!.start, words[to]!.end + needed[0].length);
      return phrase();
    }
  }
  return whole.whenNeeded ? (/(?:vid|efter) behov/iu.exec(text)?.[0] ?? null) : null;
}

/** Regularity without a number ("regelbundet", "löpande"): a cadence the normalizer leaves without numbers. */
const VAGUE_REGULAR = /(?<!\p{L})(?:regelbundet|regelbundna|löpande|kontinuerligt|återkommande|i anslutning till [\p{L}-]+ (?:sammanträden|möten))(?!\p{L})/iu;

export function cadenceOf(draft: Draft, seg: Segment, rule: string, confidence: number, vague = false): CadenceData | null {
  const text = frequencyPhrase(seg.text) ?? (vague ? (VAGUE_REGULAR.exec(seg.text)?.[0] ?? null) : null);
  if (!text) return null;
  const n = normalizeFrequency(text);
  return {
    label: null,
    text,
    minPerYear: n.minPerYear,
    maxPerYear: n.maxPerYear,
    approximate: n.approximate,
    whenNeeded: n.whenNeeded,
    note: null,
    source: draft.source(seg, rule, confidence),
  };
}

const MEETING = ['träffas', 'träffar', 'möts', 'mötas', 'möten', 'sammanträder', 'sammanträden', 'mötesfrekvens', 'ses', 'sammankalla', 'sammankallar'].map(
  cueStems,
);
const MEETING_HEADING = /(?:möte|mötes|sammanträde|träff)/i;

export function isMeetingSentence(seg: Segment): boolean {
  return firstCue(tokens(seg.text), MEETING) !== null || (seg.heading !== null && MEETING_HEADING.test(seg.heading.text));
}

const REPORTING = [
  'rapporterar',
  'rapport',
  'redovisar',
  'lämnar rapport',
  'återkopplar',
  'återkoppla',
  'informera',
  'information',
  'förmedla',
  'publiceras',
  'skickas ut',
  'delge',
  'för behandling i',
  'för ställningstagande',
].map(cueStems);
/** Cues that are reporting duties without a named recipient (information, publishing). */
const OPEN_REPORTING = /(?<!\p{L})(?:informera|information|publiceras|rapport)/iu;
const RECIPIENT = /(?<!\p{L})(?:till|för|på)\s+(?!att\b)([^.,;:()]+?)(?=\s+(?:om|kring|gällande|angående|avseende|enligt|efter|inom)\s|[.,;:()]|$)/u;

function artifactOf(text: string): ReportingDutyData['artifact'] {
  const t = text.toLowerCase();
  if (/halvårs|delårs/.test(t)) return 'HALF_YEAR_REPORT';
  if (/årsrapport|årlig|årsredovisning|verksamhetsberättelse/.test(t)) return 'ANNUAL_REPORT';
  if (/minnesanteckning|protokoll/.test(t)) return 'MINUTES';
  if (/återkoppl/.test(t)) return 'FEEDBACK';
  if (/skriftlig/.test(t)) return 'WRITTEN_REPORT';
  if (/uppfölj|följa upp|följs upp/.test(t)) return 'FOLLOW_UP';
  if (/informer|information|förmedla|delge/.test(t)) return 'INFORMATION';
  if (/publicera/.test(t)) return 'PUBLICATION';
  if (/bered|behandling|ställningstagande/.test(t)) return 'DECISION_PROPOSAL';
  return 'OTHER';
}

const numbered = (c: CadenceData | null) => (c && (c.minPerYear !== null || c.maxPerYear !== null) ? c : null);

/** Cadence and reporting rules for one segment; returns true when the segment gave a reporting duty. */
export function cadenceRules(draft: Draft, seg: Segment, subject: Subject): boolean {
  const toks = tokens(seg.text);
  const report = firstCue(toks, REPORTING);
  if (report) {
    const after = seg.text.slice(toks[report.at]!.start);
    const to = RECIPIENT.exec(after);
    const reportNoun = OPEN_REPORTING.test(seg.text);
    if (to || reportNoun) {
      const toText = to ? to[1]!.trim().replace(/\s+(?:och|samt|eller)$/u, '') : seg.text;
      const fromBody = draft.body(subject.bodyId);
      const fromRole = draft.role(subject.roleId);
      const before = seg.text.slice(0, toks[report.at]!.start).trim();
      const fromText = fromRole?.title ?? fromBody?.name ?? (before || seg.heading?.text || seg.text);
      // "Det möts minst sex gånger per år och rapporterar till X": the frequency is said of the meetings
      // (their word comes first), not of the reporting: the body's cadence, and the duty's is not stated.
      const meetsFirst = (firstCue(toks, MEETING)?.at ?? Infinity) < report.at;
      draft.reportingDuties.push({
        id: draft.ids.take(slug(`rapport ${fromText}`, 5)),
        artifact: artifactOf(seg.text),
        description: `Drafted from the text: ${fromText} reports to ${toText}. To be reviewed.`,
        fromBodyId: fromBody?.id ?? null,
        fromRoleId: fromRole?.id ?? null,
        fromText,
        toBodyId: to ? draft.bodyNamedIn(toText) : null,
        toRoleId: to ? draft.roleNamedIn(toText) : null,
        toText,
        cadence: meetsFirst ? null : cadenceOf(draft, seg, 'reporting-cadence', 0.7, true),
        notes: [],
        source: draft.source(seg, 'reporting-duty', to ? 0.7 : 0.4),
      });
      if (!meetsFirst) return true;
    }
  }
  const meeting = isMeetingSentence(seg);
  const body = draft.body(subject.itself ? subject.bodyId : (draft.specific(draft.bodyNamedIn(seg.text), subject.sectionBodyId ?? null) ?? subject.bodyId));
  if (!body) return false;
  // A frequency in a body's section without a meeting word is still how often something of it recurs.
  const cadence = meeting ? cadenceOf(draft, seg, 'meeting-cadence', 0.8, true) : numbered(cadenceOf(draft, seg, 'recurring-in-section', 0.4));
  if (!cadence) return false;
  if (!body.cadence) body.cadence = cadence;
  else if (meeting && body.cadence.source.draft?.rule === 'recurring-in-section') {
    // "Ledningsgruppen träffas fyra gånger per år" is its meeting cadence, before a frequency read earlier without a meeting word.
    body.otherMeetings.push(body.cadence);
    body.cadence = cadence;
  } else if (!body.otherMeetings.some((c) => c.source.quote === cadence.source.quote)) body.otherMeetings.push(cadence);
  return false;
}
