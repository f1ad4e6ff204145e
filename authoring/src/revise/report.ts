/** The revision report as Markdown, for the terminal and a pull request. */
import type { RevisionReport } from './index';

const quote = (s: string | null) => (s === null ? '' : `"${s.replace(/\s+/g, ' ')}"`);
const STATUS = { CHANGED: 'reworded', VANISHED: 'gone', SECTION_CHANGED: 'heading changed', REFERENCE: 'refers to a fact in re-review' };

export function reportMarkdown(r: RevisionReport, paths: { text: string; data: string; report: string }): string {
  const a = r.alignment;
  const carried =
    Object.entries(r.carriedOver)
      .map(([k, ids]) => `${ids.length} ${k}`)
      .join(', ') || 'nothing';
  const out = [
    `# Revision of ${r.file} (${r.region}:${r.documentId})`,
    '',
    `New text: ${paths.text}. Data file: ${paths.data}. Report: ${paths.report}.`,
    r.origin.after
      ? `Origin: ${r.origin.after.fileName} (${r.origin.after.mediaType}, sha256 ${r.origin.after.sha256.slice(0, 12)})${r.origin.before ? `, was ${r.origin.before.fileName} (sha256 ${r.origin.before.sha256.slice(0, 12)})` : ''}.`
      : '',
    '',
    `Sentences: ${a.unchanged} unchanged, ${a.changed.length} changed, ${a.removed.length} removed, ${a.added.length} added.`,
    '',
    `## Carried over`,
    '',
    `${carried}: every quote still stands in the new text, under the same headings.`,
    '',
    `## Re-review (${r.reReview.length})`,
    '',
    r.reReview.length ? 'Taken out of the data file until reviewed; each is in the report JSON as it was.' : 'Nothing.',
    '',
  ];
  for (const i of r.reReview) {
    out.push(`- **${i.factKind} ${i.factId}**${i.whole ? '' : ` (${i.path})`}: ${STATUS[i.status]}; ${i.reason}`);
    if (i.quote !== null) out.push(`  - old: ${quote(i.quote)}`);
    if (i.newSentence !== null) out.push(`  - new: ${quote(i.newSentence)} (similarity ${i.similarity})`);
  }
  out.push('', `## New passages (${r.newPassages.length})`, '');
  for (const p of r.newPassages) {
    out.push(`- under "${p.section}":`);
    for (const s of p.newSentences) out.push(`  - ${quote(s)}`);
  }
  out.push('', '## Proposed facts', '');
  if (r.proposals === null) out.push('The draft stage is not available in this checkout: no proposals.');
  else if (!r.proposals.length) out.push('None.');
  for (const p of r.proposals ?? []) {
    const f = p.fact as { id?: string; name?: string; title?: string; text?: string };
    out.push(`- ${p.factKind} ${f.id ?? ''}: ${f.name ?? f.title ?? f.text ?? ''}`);
  }
  if (r.problems.length) {
    out.push('', `## Problems (${r.problems.length})`, '', 'What `npm run check-data` will say until they are fixed:', '', ...r.problems.map((p) => `- ${p}`));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
