/**
 * The region templates `npm run new-region` renders (scripts/lib/scaffold-files.ts): for every existing
 * region they render exactly the files regions share, the region test they write uses only what the
 * shared region harness exports, and the document title comes from the document's first line. The
 * command itself, end to end in a copy of the repository: new-region.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { documentTitle, renderRegionFiles } from '../scripts/lib/scaffold';

const root = join(__dirname, '..');
/** A source document's text as a region's first document may start: blank lines, then its title as a heading. */
const SOURCE_TEXT = '\n\n## Uppdragsbeskrivning för Provgruppen\n\nProvgruppen träffas fyra gånger per år.\n';

describe('the region templates', () => {
  // new-region formats what it writes with the repository's formatter, so the templates are compared formatted.
  const formatted = async (file: string, text: string) =>
    file.endsWith('.ts') ? format(text, { ...(await resolveConfig(join(root, file))), filepath: join(root, file) }) : text;

  it.each(REGIONS.map((r) => r.code))('render the files %s shares with every region, byte for byte (formatted as new-region writes them)', async (code) => {
    const entry = REGIONS.find((r) => r.code === code)!;
    const dataFile = readdirSync(join(root, 'subgraphs', code, 'data')).find((n) => n.endsWith('.json'))!;
    const sourceFile = (JSON.parse(readFileSync(join(root, 'subgraphs', code, 'data', dataFile), 'utf8')) as { file: string }).file;
    const files = renderRegionFiles({ code, name: entry.name, sourceFile, title: 'unused', port: entry.port });
    for (const f of ['package.json', 'tsconfig.json', 'src/index.ts', 'src/migrations/index.ts']) {
      expect(await formatted(`subgraphs/${code}/${f}`, files[f]!), `${code}/${f}`).toBe(readFileSync(join(root, 'subgraphs', code, f), 'utf8'));
    }
    // subgraph.ts: the same, except the resolvers a region adds for its own typed views
    const ownViews = (text: string) =>
      text.replace(/resolvers: \[[^\]]*\]/, 'resolvers: [REGION_RESOLVERS]').replace(/^import \{ \w+ \} from '\.\/(?!resolver'|migrations').*\n/gm, '');
    const file = `subgraphs/${code}/src/subgraph.ts`;
    expect(await formatted(file, ownViews(files['src/subgraph.ts']!))).toBe(await formatted(file, ownViews(readFileSync(join(root, file), 'utf8'))));
  });

  it('write a region test that parses, and uses only what the shared region harness exports', async () => {
    const test = renderRegionFiles({ code: 'x', name: 'X', sourceFile: 'x.txt', title: 'X', port: 1 })['test/x.test.ts']!;
    const parsed = ts.transpileModule(test, { reportDiagnostics: true, fileName: 'x.test.ts', compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(parsed.diagnostics!.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const imported = /import \{ ([^}]+) \} from '\.\.\/\.\.\/\.\.\/test\/support\/region'/
      .exec(test)![1]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => !n.startsWith('type '));
    expect(imported.length).toBeGreaterThan(2);
    const harness = await import('./support/region');
    for (const name of imported) expect(harness, name).toHaveProperty(name);
  });

  it('take the document title from its first non-empty line, without heading marks', () => {
    expect(documentTitle(SOURCE_TEXT)).toBe('Uppdragsbeskrivning för Provgruppen');
    expect(documentTitle(readFileSync(join(root, 'docs/sources/004_d4ad0bc19c53bb6e.txt'), 'utf8'))).toBe('Uppdragsbeskrivning för Samordningsgruppen');
    expect(() => documentTitle('\n \n')).toThrow(/no text/);
  });
});
