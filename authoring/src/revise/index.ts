/**
 * Revise: a new version of a document against the region's data file for the old one. The texts are
 * aligned sentence by sentence (align.ts); facts whose quotes still stand are carried over untouched,
 * the others are taken out and listed for re-review (carry.ts); the new passages are listed, and the
 * draft stage proposes facts for them. The data file keeps only what was carried over, with the new
 * document's origin; everything else is in the report, for the reviewer.
 */
import { checkAgainstDocument, checkReferences, type DataFile, documentPassages, type OriginData } from '@samverkan/contract';
import { align, type Alignment } from './align';
import { Carry, FACT_LISTS, type ReReviewItem } from './carry';

export { align, sentences, similarity } from './align';
export type { Alignment } from './align';
export type { ReReviewItem, ReReviewStatus } from './carry';

/** The draft stage: the facts it proposes for a text (a data file, or a part of one). */
export type DraftFn = (text: string, options: { fileName: string; origin?: OriginData }) => Partial<DataFile>;

export interface ReviseInput {
  region: string;
  /** The data file for the old version. */
  data: DataFile;
  oldText: string;
  newText: string;
  /** The new version's original file. */
  origin?: OriginData;
  /** The region's other data files, for references across files. */
  otherFiles?: DataFile[];
  /** Another document's text by file name (sources that cite another document). */
  readDocument?: (file: string) => string | undefined;
  draft?: DraftFn;
}

export interface NewPassage {
  section: string;
  text: string;
  newSentences: string[];
}
export interface Proposal {
  factKind: string;
  fact: unknown;
}

export interface RevisionReport {
  region: string;
  file: string;
  documentId: string;
  origin: { before: OriginData | null; after: OriginData | null };
  alignment: Omit<Alignment, 'newRanges'>;
  /** Facts (and parts of facts) carried over: each fact kind's ids. */
  carriedOver: Record<string, string[]>;
  reReview: ReReviewItem[];
  newPassages: NewPassage[];
  /** What the draft stage proposes for the new passages; null when it was not at hand. */
  proposals: Proposal[] | null;
  /** What `npm run check-data` would say about the updated data file (empty: nothing). */
  problems: string[];
}

const overlaps = (ranges: Array<[number, number]>, start: number, end: number) => ranges.some(([s, e]) => s < end && start < e);

/** The proposals whose quotes stand in a new or changed sentence. */
function proposalsFor(draft: Partial<DataFile>, newText: string, ranges: Array<[number, number]>): Proposal[] {
  const out: Proposal[] = [];
  const quotes = (v: unknown): string[] =>
    Array.isArray(v)
      ? v.flatMap(quotes)
      : v && typeof v === 'object'
        ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => (k === 'quote' && typeof x === 'string' ? [x] : quotes(x)))
        : [];
  for (const [kind, key] of FACT_LISTS) {
    for (const fact of (draft[key] ?? []) as unknown[]) {
      const inNew = quotes(fact).some((q) => {
        const at = newText.indexOf(q);
        return at >= 0 && overlaps(ranges, at, at + q.length);
      });
      if (inNew) out.push({ factKind: kind, fact });
    }
  }
  return out;
}

export function revise(input: ReviseInput): { data: DataFile; report: RevisionReport } {
  const { data, newText } = input;
  const alignment = align(input.oldText, newText);
  const carry = new Carry(data, newText, alignment.newRanges, input.readDocument ?? (() => undefined));
  const updated = carry.run();
  if (input.origin) updated.document = { ...updated.document, origin: input.origin };

  const passages = documentPassages(newText, data.document.title);
  const newPassages: NewPassage[] = [];
  let cursor = 0;
  for (const p of passages) {
    const start = newText.indexOf(p.text, cursor);
    cursor = start + p.text.length;
    const fresh = alignment.newRanges.filter(([s, e]) => s >= start && e <= cursor).map(([s, e]) => newText.slice(s, e));
    if (fresh.length) newPassages.push({ section: p.section, text: p.text, newSentences: fresh });
  }
  const proposals = input.draft ? proposalsFor(input.draft(newText, { fileName: data.file, origin: input.origin }), newText, alignment.newRanges) : null;

  const carriedOver: Record<string, string[]> = {};
  for (const [kind, key] of FACT_LISTS) {
    const ids = ((updated[key] ?? []) as Array<{ id: string }>).map((f) => f.id);
    if (ids.length) carriedOver[kind] = ids;
  }
  const problems = [
    ...checkAgainstDocument(updated, newText, input.readDocument).map((p) => `${data.file.replace(/\.txt$/, '.json')}: ${p}`),
    ...checkReferences([...(input.otherFiles ?? []), updated]),
  ];
  const { newRanges: _ranges, ...rest } = alignment;
  return {
    data: updated,
    report: {
      region: input.region,
      file: data.file,
      documentId: data.document.id,
      origin: { before: data.document.origin ?? null, after: input.origin ?? null },
      alignment: rest,
      carriedOver,
      reReview: carry.items,
      newPassages,
      proposals,
      problems,
    },
  };
}
