// `npm run draft`'s CLI on a document outside the repository: the draft it writes is a data file that
// fits the schema and passes the data checks against its text; bad arguments are a clear error.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileSchema, checkAgainstDocument } from '@samverkan/contract';

const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'draft.js');
const dir = mkdtempSync(join(tmpdir(), 'draft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = `# Samverkan i Exempellän

## Styrgruppen

Styrgruppen består av tre representanter från kommunerna samt två representanter från regionen.
Styrgruppen träffas fyra gånger per år och vid behov. Ordförande är regionens representant.

## Arbetsgruppen

Arbetsgruppen rapporterar till styrgruppen två gånger per år.
`;

describe('draft CLI', () => {
  it('drafts a text file into a valid data file and prints proposals per kind', () => {
    const source = join(dir, 'Exempel dokument.txt');
    writeFileSync(source, TEXT);
    const out = join(dir, 'out', 'exempel.json');
    const printed = execFileSync(process.execPath, [cli, '--source', source, '--out', out], { encoding: 'utf8' });
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.file).toBe('exempel-dokument.txt');
    expect(DataFileSchema.safeParse(data).success).toBe(true);
    expect(checkAgainstDocument(data, TEXT)).toEqual([]);
    expect(printed).toMatch(/^ {2}member +2$/m);
    expect(printed).toMatch(/^ {2}cadence +2$/m);
    expect(printed).toMatch(/^ {2}reporting +1$/m);
    // The same text drafts to the same bytes.
    execFileSync(process.execPath, [cli, '--source', source, '--out', join(dir, 'again.json')]);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('names what is wrong: missing arguments, a source that is not there', () => {
    const usage = spawnSync(process.execPath, [cli, '--source', 'x.txt'], { encoding: 'utf8' });
    expect([usage.status, usage.stderr]).toEqual([2, 'usage: npm run draft -- --source <document> --out <draft.json>\n']);
    const missing = spawnSync(process.execPath, [cli, '--source', join(dir, 'nope.pdf'), '--out', join(dir, 'n.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`cannot read ${join(dir, 'nope.pdf')}`);
  });
});
