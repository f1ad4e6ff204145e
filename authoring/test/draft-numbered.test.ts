// The draft on a plain text whose sections are numbered lines directly above their paragraphs (a
// fictional structure, fixtures/mellanbygd-numbered.txt), with what a first-time user's document showed
// the draft missing: a body named without a group noun ("Politiskt samråd"), "Det möts ..." about the
// section's body, a frequency said of the meetings in a sentence that also reports, a body that chooses
// its own convener, and "hälso- och sjukvårdsnämnd", which is one body, not a "Hälsonämnd" the text never names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileSchema, checkAgainstDocument } from '@samverkan/contract';
import { draftDocument, outline } from '../src/draft';

const TEXT = readFileSync(join(import.meta.dirname, 'fixtures', 'mellanbygd-numbered.txt'), 'utf8');
const data = draftDocument(TEXT, { fileName: 'mellanbygd-numbered.txt' });
const body = (name: string) => data.bodies.find((b) => b.name === name)!;

describe('a plain text with numbered sections', () => {
  it('fits the schema and quotes the text', () => {
    expect(DataFileSchema.safeParse(data).success).toBe(true);
    expect(checkAgainstDocument(data, TEXT)).toEqual([]);
  });

  it('reads a numbered line above its paragraph as a heading, and a numbered list as items', () => {
    const o = outline(TEXT);
    expect(o.headings.map((h) => [h.text, h.level])).toEqual([
      ['Samverkan i Mellanbygd', 1],
      ['Politiskt samråd', 2],
      ['Tjänstemannasamråd', 2],
      ['Hälso- och sjukvårdsnämnden', 2],
    ]);
    expect(o.segments.filter((s) => s.kind === 'item').map((s) => s.ordinal)).toEqual([1, 2]);
  });

  it('proposes each body once, named as the text names it', () => {
    expect(data.bodies.map((b) => [b.name, b.kind])).toEqual([
      ['Politiskt samråd', 'POLITICAL_CONSULTATION_GROUP'],
      ['Tjänstemannasamråd', 'OTHER'],
      ['Hälso- och sjukvårdsnämnden', 'BOARD'],
      ['Socialnämnder', 'BOARD'],
      // "styr- och arbetsgrupp" is two kinds of group; "hälso- och sjukvårdsnämnd" is one body.
      ['Styrgrupp', 'STEERING_GROUP'],
      ['Arbetsgrupp', 'WORKING_GROUP'],
    ]);
  });

  it("gives each body its own meetings' frequency and convener", () => {
    expect(body('Politiskt samråd').cadence).toMatchObject({ text: 'fyra gånger per år', minPerYear: 4, maxPerYear: 4 });
    expect(body('Politiskt samråd').convener?.who).toBe('Gruppen utser själv sin sammankallande');
    expect(body('Tjänstemannasamråd').cadence).toMatchObject({
      minPerYear: 6,
      maxPerYear: null,
      source: { quote: expect.stringMatching(/^Det möts minst sex/) },
    });
  });

  it('reads "möts ... och rapporterar till X" as a reporting duty without a stated frequency', () => {
    expect(data.reportingDuties.map((d) => [d.fromBodyId, d.toBodyId, d.cadence])).toEqual([
      [body('Tjänstemannasamråd').id, body('Politiskt samråd').id, null],
    ]);
  });
});
