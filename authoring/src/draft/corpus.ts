/**
 * The measured corpus: every region of the registry, every reviewed data file in its data folder, its
 * source document; and the table `npm run draft:measure` prints.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REGIONS, type DataFile } from '@samverkan/contract';
import { draftDocument } from './index';
import { addScores, FACT_KINDS, precision, recall, score, type Scores } from './measure';

export interface ReviewedDocument {
  region: string;
  file: string;
  reviewed: DataFile;
}

/** Every reviewed data file of the registry's regions, with its document's file name. */
export function reviewedDocuments(root: string): ReviewedDocument[] {
  const out: ReviewedDocument[] = [];
  for (const r of REGIONS) {
    const dir = join(root, 'subgraphs', r.code, 'data');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const reviewed = JSON.parse(readFileSync(join(dir, name), 'utf8')) as DataFile;
      out.push({ region: r.code, file: reviewed.file, reviewed });
    }
  }
  return out;
}

export interface Measured {
  perDocument: Array<{ region: string; file: string; scores: Scores }>;
  total: Scores;
}

export function measureAll(docs: Array<ReviewedDocument & { text: string }>): Measured {
  const perDocument = docs.map((d) => ({ region: d.region, file: d.file, scores: score(d.text, draftDocument(d.text, { fileName: d.file }), d.reviewed) }));
  const total = perDocument.map((d) => d.scores).reduce(addScores);
  return { perDocument, total };
}

const pct = (n: number | null) => (n === null ? '–' : `${Math.floor(n)}%`);

/** Markdown tables: per document (all kinds, cadences) and per kind over all documents. */
export function formatTable(m: Measured): string {
  const lines = [
    '| document | region | recall | precision | cadence recall | cadence precision | reviewed | proposed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const d of m.perDocument) {
    const a = d.scores.all;
    const c = d.scores.cadence;
    lines.push(
      `| ${d.file} | ${d.region} | ${pct(recall(a))} | ${pct(precision(a))} | ${pct(recall(c))} | ${pct(precision(c))} | ${a.reviewed} | ${a.proposed} |`,
    );
  }
  const t = m.total;
  lines.push(
    `| **all** | | **${pct(recall(t.all))}** | **${pct(precision(t.all))}** | **${pct(recall(t.cadence))}** | **${pct(precision(t.cadence))}** | ${t.all.reviewed} | ${t.all.proposed} |`,
  );
  lines.push('', '| kind | reviewed | found | recall | proposed | correct | precision |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const k of [...FACT_KINDS, 'all'] as const) {
    const s = t[k];
    lines.push(`| ${k} | ${s.reviewed} | ${s.found} | ${pct(recall(s))} | ${s.proposed} | ${s.correct} | ${pct(precision(s))} |`);
  }
  return `${lines.join('\n')}\n`;
}
