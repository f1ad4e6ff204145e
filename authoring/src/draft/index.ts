/**
 * Draft: a document's text to a proposed data file. Small named rules (rules/*.ts) each propose facts
 * with the verbatim sentence they read (an exact substring of the text), the section it stands under,
 * and `source.draft = { rule, confidence }`. What the text does not say stays unstated (null,
 * NOT_STATED, empty lists). The result fits the data-file schema and passes the data checks, so a
 * reviewer starts from a loadable file. See docs/AUTHORING.md ("Draft").
 */
import type { DataFile, OriginData } from '@samverkan/contract';
import { Draft } from './model';
import { outline } from './text';
import { bodyStatementRules, headingRules, parentRules, textRules } from './rules/structure';
import { memberRules, officeRules, substituteRules } from './rules/members';
import { cadenceRules } from './rules/cadence';
import { dutyRules } from './rules/duties';
import { documentRules, eventRules } from './rules/dates';
import { decisionRules, planRules } from './rules/plans';
import { roleRules } from './rules/roles';

export interface DraftOptions {
  /** The text file's name, written as the data file's `file` (it must end in .txt). */
  fileName: string;
  /** The original document the text was ingested from. */
  origin?: OriginData;
}

export { outline } from './text';

export function draftDocument(text: string, options: DraftOptions): DataFile {
  const file = options.fileName.endsWith('.txt') ? options.fileName : `${options.fileName.replace(/\.[^./]+$/, '')}.txt`;
  if (!/\p{L}/u.test(text)) throw new Error(`${options.fileName}: the text has no words to draft from (is it a scanned PDF without text?)`);
  const o = outline(text);
  const draft = new Draft(o, file);
  documentRules(draft);
  headingRules(draft);
  for (const seg of o.segments) textRules(draft, seg);
  const plans = new Map<string, string>();
  for (const seg of o.segments) {
    const subject = draft.subjectOf(seg);
    bodyStatementRules(draft, seg, subject.bodyId);
    parentRules(draft, seg, subject.bodyId);
    memberRules(draft, seg, subject);
    officeRules(draft, seg, subject);
    substituteRules(draft, seg, subject);
    // One sentence may state several facts (a duty that is also a reporting duty, a member list that sets a chair).
    cadenceRules(draft, seg, subject);
    const namesPlan = planRules(draft, seg, subject, plans);
    decisionRules(draft, seg);
    eventRules(draft, seg, subject.bodyId, namesPlan);
    // A list item that is a member is not also a duty (a sentence may be both).
    if (seg.kind === 'sentence' || !draft.bodies.some((b) => b.composition.some((m) => m.source.quote === seg.text))) dutyRules(draft, seg, subject);
  }
  roleRules(draft);
  const data = draft.dataFile();
  if (options.origin) {
    const o2 = options.origin;
    // The original file's type and hash are the document's own metadata (Document.origin).
    data.document.origin = { fileName: o2.fileName, mediaType: o2.mediaType, sha256: o2.sha256 };
    data.document.note = `Drafted from ${o2.fileName}; every fact is a proposal to review.`;
  }
  return data;
}
