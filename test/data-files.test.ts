/** Every data file of every region: schema, ids, references, quotes and normalized numbers. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRegionData } from '../contract/src/data/load';
import { DataFileSchema, type DataFile } from '../contract/src/data/schema';
import { checkAgainstDocument, checkReferences } from '../contract/src/data/validate';
import { REGIONS } from '../contract/src/registry';

const root = join(__dirname, '..');

/** docs/sources/README.md's table: which documents are a region's (its name, as in the registry, opens the region column). */
function documentsListedFor(name: string): string[] {
  const rows = readFileSync(join(root, 'docs', 'sources', 'README.md'), 'utf8')
    .split('\n')
    .map((l) => /^\| (\S+\.txt) \| ([^|]+) \|/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  return rows
    .filter((m) => m[2]!.trim() === name || m[2]!.trim().startsWith(`${name} (`))
    .map((m) => m[1]!)
    .sort();
}

describe.each(REGIONS.map((r) => [r.code, r.name] as const))('data of %s', (region, name) => {
  const dir = join(root, 'subgraphs', region, 'data');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const files: DataFile[] = names.map((n) => DataFileSchema.parse(JSON.parse(readFileSync(join(dir, n), 'utf8'))));

  it('has one data file per document docs/sources/README.md lists for it, each named after its document', () => {
    expect(files.map((f) => f.file).sort()).toEqual(documentsListedFor(name));
    files.forEach((f, i) => expect(names[i]).toBe(f.file.replace(/\.txt$/, '.json')));
  });

  it.each(names)('%s: every quote, section and normalized number agrees with the document', (file) => {
    const data = files[names.indexOf(file)]!;
    const read = (f: string) => readFileSync(join(root, 'docs', 'sources', f), 'utf8');
    // A source may name another of the region's documents (source.document): it is checked against that one.
    expect(checkAgainstDocument(data, read(data.file), (f) => (documentsListedFor(name).includes(f) ? read(f) : undefined))).toEqual([]);
  });

  it('has unique ids and resolvable references', () => {
    expect(checkReferences(files)).toEqual([]);
  });

  it('passes every check its subgraph runs before loading it (npm run check-data)', () => {
    const checked = checkRegionData(dir);
    expect(checked.problems).toEqual([]);
    expect(checked.sourcesDir).toBe(join(root, 'docs', 'sources'));
    expect(checked.files.map((f) => f.name)).toEqual(names);
  });
});
