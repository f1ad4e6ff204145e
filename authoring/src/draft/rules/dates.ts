/**
 * Dates: the document's own (title, date, validity) and the events the text dates.
 *
 * - `document-title`: the first heading (or first line) is the title.
 * - `document-date`: a full date (YYYY-MM-DD) alone on a line before the first section, or after
 *   "Datum", "Beslutad", "Fastställd", "Antagen" in the first lines.
 * - `document-validity`: "gäller från/till/t.o.m.", "giltig", "Giltighetstid", "revideras/granskas
 *   senast" with a full date give the validity (and the review date): "gäller från A till och med B"
 *   (or "fr.o.m. A t.o.m. B", "A – B") is from A to B, "gäller t.o.m. B" / "till B" is to B, "gäller
 *   från A" from A; a review date is the validity's end when nothing else gives one.
 * - `event-validity`: the validity's sentence, when it gives a start, is the VALID_FROM event (to its end).
 * - `event-founded` ("bildades", "startade", "inrättades" + year), `event-since` ("sedan", "från år"
 *   + year), `event-period` ("2016-08-01 – 2019-07-31", "2022 till 2030"; PLAN_PERIOD when a plan is
 *   named), `event-decision` ("beslutad", "antagen", "fastställd" + date), `event-review`.
 */
import type { EventData } from '@samverkan/contract';
import type { Draft } from '../model';
import { firstLine, type Segment } from '../text';
import { slug } from '../words';

const MONTHS: Record<string, string> = {
  januari: '01',
  februari: '02',
  mars: '03',
  april: '04',
  maj: '05',
  juni: '06',
  juli: '07',
  augusti: '08',
  september: '09',
  oktober: '10',
  november: '11',
  december: '12',
};
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|(?:${Object.keys(MONTHS).join('|')})\\s+\\d{4}|(?:19|20)\\d{2})`;
const FULL_DATE = /(?<!\d)(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;

/** An ISO date of a phrase: "2016-08-01", "augusti 2016" -> "2016-08", "2016". */
export function isoDate(phrase: string): string | null {
  const full = FULL_DATE.exec(phrase);
  if (full) return full[0];
  const month = new RegExp(`(${Object.keys(MONTHS).join('|')})\\s+(\\d{4})`, 'i').exec(phrase);
  if (month) return `${month[2]}-${MONTHS[month[1]!.toLowerCase()]}`;
  const year = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(phrase);
  return year ? year[1]! : null;
}

const PERIOD = new RegExp(`(?<!\\d)(${DATE})\\s*(?:–|-|till\\s+och\\s+med|till|t\\.o\\.m\\.?)\\s*(${DATE})(?!\\d)`, 'iu');
const FOUNDED = new RegExp(
  `(?<!\\p{L})(?:bildades|startade|inrättades|grundades|etablerades|startades|bildats|inrättats)(?!\\p{L})[^.]*?(${DATE})|(${DATE})[^.]*?(?<!\\p{L})(?:bildades|startade|inrättades|grundades|etablerades|startades)(?!\\p{L})`,
  'iu',
);
const SINCE = new RegExp(`(?<!\\p{L})(?:sedan|från och med|fr\\.o\\.m\\.?|från)\\s+(?:år\\s+|starten\\s+|hösten\\s+|våren\\s+)?(${DATE})`, 'iu');
const DECIDED = new RegExp(`(?<!\\p{L})(?:beslutad|beslutades|antagen|antogs|fastställd|fastställdes)(?!\\p{L})[^.]*?(\\d{4}-\\d{2}-\\d{2})`, 'iu');
const REVIEW = new RegExp(
  `(?<!\\p{L})(?:revider\\p{L}*|granska\\p{L}*|ses över|omprövas|uppdateras)(?!\\p{L})[^.]*?((?:senast|innan|före)?\\s*\\d{4}-\\d{2}-\\d{2})`,
  'iu',
);
// Within the sentence: a dot that ends no sentence ("t.o.m.", "fr.o.m.") is crossed.
const VALID = new RegExp(`(?<!\\p{L})(?:gäller|giltig\\p{L}*)(?!\\p{L})(?:[^.]|\\.(?!\\s+\\p{Lu}|\\s*$))*?(\\d{4}-\\d{2}-\\d{2})`, 'iu');
const ISO = '\\d{4}-\\d{2}-\\d{2}';
const UNTIL = '(?:(?<![\\p{L}\\d])(?:till\\s+och\\s+med|t\\.\\s?o\\.\\s?m\\.?|tom|till)|–|-)';
/** "från A till och med B", "fr.o.m. A t.o.m. B", "A – B": a start and an end. */
const VALID_PERIOD = new RegExp(`(?:(?:från(?:\\s+och\\s+med)?|fr\\.\\s?o\\.\\s?m\\.?)\\s+)?(${ISO})\\s*${UNTIL}\\s*(${ISO})`, 'iu');
const VALID_TO = new RegExp(`${UNTIL}\\s*(${ISO})`, 'iu');
const VALID_FROM = new RegExp(`(?:från(?:\\s+och\\s+med)?|fr\\.\\s?o\\.\\s?m\\.?)\\s+(${ISO})`, 'iu');

/** The validity a sentence states: from and to (each null where it says none). */
export function validityOf(text: string): { from: string | null; to: string | null } | null {
  const period = VALID_PERIOD.exec(text);
  if (period) return { from: period[1]!, to: period[2]! };
  const to = VALID_TO.exec(text);
  if (to) return { from: null, to: to[1]! };
  const from = VALID_FROM.exec(text);
  return from ? { from: from[1]!, to: null } : null;
}

const LABELS: Record<EventData['kind'], string> = {
  FOUNDED: 'Founded',
  SINCE: 'Since',
  PERIOD: 'Period',
  PLAN_PERIOD: 'Plan period',
  DOCUMENT_DATE: 'Date of the document',
  DECISION_DATE: 'Decided',
  VALID_FROM: 'Valid from',
  REVIEW_DATE: 'Review date',
  EVALUATION: 'Evaluation',
  OTHER: 'Date',
};

function addEvent(draft: Draft, seg: Segment, kind: EventData['kind'], rule: string, from: string, to: string | null, bodyId: string | null) {
  const fromDate = isoDate(from);
  if (!fromDate) return;
  const toDate = to ? isoDate(to) : null;
  const subject = draft.body(bodyId)?.name ?? seg.heading?.text ?? firstLine(draft.outline.text);
  draft.events.push({
    id: draft.ids.take(slug(`${LABELS[kind]} ${fromDate}`)),
    kind,
    label: LABELS[kind],
    subject,
    bodyId,
    planId: null,
    from: { date: fromDate, text: from },
    to: toDate && to ? { date: toDate, text: to } : null,
    note: null,
    source: draft.source(seg, rule, 0.6),
  });
}

export function eventRules(draft: Draft, seg: Segment, bodyId: string | null, namesPlan: boolean): void {
  const t = seg.text;
  const validity = draft.document?.validity;
  if (validity && validity.source.quote === t) {
    // The document's validity is its own event ("gäller från A till och med B"), not a period of a body.
    if (validity.from) addEvent(draft, seg, 'VALID_FROM', 'event-validity', validity.from, validity.to, null);
    if (validity.from || !REVIEW.test(t)) return;
  }
  const period = PERIOD.exec(t);
  if (period) {
    const kind = namesPlan ? 'PLAN_PERIOD' : 'PERIOD';
    if (isoDate(period[1]!)! <= isoDate(period[2]!)!) addEvent(draft, seg, kind, 'event-period', period[1]!, period[2]!, namesPlan ? null : bodyId);
    return;
  }
  const founded = FOUNDED.exec(t);
  if (founded) return addEvent(draft, seg, 'FOUNDED', 'event-founded', (founded[1] ?? founded[2])!, null, bodyId);
  const decided = DECIDED.exec(t);
  if (decided) return addEvent(draft, seg, 'DECISION_DATE', 'event-decision', decided[1]!, null, null);
  const review = REVIEW.exec(t);
  if (review) return addEvent(draft, seg, 'REVIEW_DATE', 'event-review', review[1]!.trim(), null, null);
  const since = SINCE.exec(t);
  if (since) return addEvent(draft, seg, 'SINCE', 'event-since', since[0], null, bodyId);
}

/** The document: title, date, review date and validity, from the text's first lines and its dated sentences. */
export function documentRules(draft: Draft): void {
  const o = draft.outline;
  const titleHeading = o.headings[0];
  const title = titleHeading?.text ?? firstLine(o.text);
  const titleSection = titleHeading ? titleHeading.path.join(' > ') : title;
  const beforeFirstSection = o.text.slice(0, o.headings[1]?.start ?? Math.min(o.text.length, 600));
  const dateLine = new RegExp(`^\\s*(?:(?:datum|beslutad|fastställd|antagen|reviderad)\\p{L}*:?\\s*)?(\\d{4}-\\d{2}-\\d{2})\\s*$`, 'imu').exec(
    beforeFirstSection,
  );
  draft.document = {
    id: slug(title, 5),
    title,
    publisher: null,
    validity: null,
    date: dateLine ? dateLine[1]! : null,
    reviewBy: null,
    note: null,
    source: { section: titleSection, quote: title, draft: { rule: 'document-title', confidence: 0.8 } },
  };
  if (dateLine) {
    const quote = dateLine[0].trim();
    draft.events.push({
      id: draft.ids.take('dokumentets-datum'),
      kind: 'DOCUMENT_DATE',
      label: LABELS.DOCUMENT_DATE,
      subject: title,
      bodyId: null,
      planId: null,
      from: { date: dateLine[1]!, text: dateLine[1]! },
      to: null,
      note: null,
      source: { section: titleSection, quote, draft: { rule: 'document-date', confidence: 0.6 } },
    });
  }
  for (const seg of o.segments) {
    const review = REVIEW.exec(seg.text);
    const valid = VALID.exec(seg.text);
    const underValidity = seg.heading !== null && /giltig/i.test(seg.heading.text);
    if (!(review || valid) || (!underValidity && !/dokument|riktlinje|beskrivning|arbetsordning/i.test(seg.text))) continue;
    const date = FULL_DATE.exec((review ?? valid)![1]!)![0];
    const isReview = !!review;
    if (isReview && !draft.document.reviewBy) draft.document.reviewBy = date;
    if (!draft.document.validity) {
      const stated = valid && !isReview ? validityOf(seg.text) : null;
      draft.document.validity = {
        text: seg.text,
        from: stated ? stated.from : null,
        to: stated ? stated.to : date,
        note: null,
        source: draft.source(seg, 'document-validity', stated ? 0.7 : 0.5),
      };
    }
  }
}
