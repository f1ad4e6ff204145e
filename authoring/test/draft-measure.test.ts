// Recall and precision of the draft against the reviewed data files of every region of the registry
// (definitions: authoring/src/draft/measure.ts). Floors are just below what was measured (docs/AUTHORING.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileSchema, checkAgainstDocument, REGIONS } from '@samverkan/contract';
import { draftDocument } from '../src/draft';
import { measureAll, reviewedDocuments } from '../src/draft/corpus';
import { precision, recall } from '../src/draft/measure';

const root = join(import.meta.dirname, '..', '..');
const docs = reviewedDocuments(root).map((d) => ({ ...d, text: readFileSync(join(root, 'docs', 'sources', d.file), 'utf8') }));

describe('draft measured against the reviewed data files', () => {
  it('finds every region of the registry with its documents', () => {
    expect(new Set(docs.map((d) => d.region))).toEqual(new Set(REGIONS.map((r) => r.code)));
  });

  it('drafts files that fit the schema and pass the data checks', () => {
    for (const d of docs) {
      const draft = draftDocument(d.text, { fileName: d.file });
      const parsed = DataFileSchema.safeParse(draft);
      expect(parsed.success, `${d.file}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
      expect(checkAgainstDocument(draft, d.text), d.file).toEqual([]);
    }
  });

  it('reaches the measured recall and precision', () => {
    const { total } = measureAll(docs);
    expect(recall(total.all)!).toBeGreaterThanOrEqual(71);
    expect(precision(total.all)!).toBeGreaterThanOrEqual(75);
    expect(recall(total.cadence)!).toBeGreaterThanOrEqual(91);
    expect(precision(total.cadence)!).toBeGreaterThanOrEqual(94);
  });

  it('drafts a long document (the five, six times over) well under 10 s', () => {
    const long = Array.from({ length: 6 }, () => docs.map((d) => d.text).join('\n\n')).join('\n\n');
    const started = performance.now();
    draftDocument(long, { fileName: 'long.txt' });
    expect(performance.now() - started).toBeLessThan(8000);
  });
});
