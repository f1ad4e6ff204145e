/** Every data file of every region: schema, ids, references, quotes and normalized numbers. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileSchema, type DataFile } from '../shared/src/data/schema';
import { checkAgainstDocument, checkReferences } from '../shared/src/data/validate';
import { REGIONS } from '../shared/src/registry';

const root = join(__dirname, '..');
const regions = REGIONS.map((r) => r.code);

describe.each(regions)('data of %s', (region) => {
  const dir = join(root, 'subgraphs', region, 'data');
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  const files: DataFile[] = names.map((n) => DataFileSchema.parse(JSON.parse(readFileSync(join(dir, n), 'utf8'))));

  it('has at least one data file, each named after its source document', () => {
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, i) => expect(names[i]).toBe(f.file.replace(/\.txt$/, '.json')));
  });

  it.each(names)('%s: every quote, section and normalized number agrees with the document', (name) => {
    const file = files[names.indexOf(name)]!;
    const text = readFileSync(join(root, 'docs', 'sources', file.file), 'utf8');
    expect(checkAgainstDocument(file, text)).toEqual([]);
  });

  it('has unique ids and resolvable references', () => {
    expect(checkReferences(files)).toEqual([]);
  });
});
