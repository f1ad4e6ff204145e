/**
 * Releases: @samverkan/contract is publishable (npm pack holds its built code and type declarations,
 * not its sources or tests), every versioned package has a semver version, and pending changesets
 * name only packages of this repository (docs/RELEASING.md).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const pkg = (dir: string) =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    private?: boolean;
    license?: string;
    types?: string;
    main?: string;
    workspaces?: string[];
  };

describe('releases', () => {
  it('@samverkan/contract packs its dist with the .d.ts of every module, the data-file schema, and no sources', () => {
    const contract = pkg('contract');
    expect(contract.private).toBeUndefined();
    expect(contract.license).toBe(pkg('.').license);
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '-w', 'contract', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' })) as Array<{
      name: string;
      version: string;
      files: Array<{ path: string }>;
    }>;
    expect([packed!.name, packed!.version]).toEqual([contract.name, contract.version]);
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain(contract.main);
    expect(files).toContain(contract.types);
    expect(files).toContain('data-file.schema.json');
    for (const js of files.filter((f) => f.endsWith('.js'))) expect(files, js).toContain(js.replace(/\.js$/, '.d.ts'));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('every workspace has a semver version, and each pending changeset names workspaces only', () => {
    const names = pkg('.').workspaces!.map((w) => {
      const p = pkg(w);
      expect(p.version, w).toMatch(/^\d+\.\d+\.\d+$/);
      return p.name;
    });
    const changesets = readdirSync(join(ROOT, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const file of changesets) {
      const head = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(ROOT, '.changeset', file), 'utf8'));
      expect(head, file).not.toBeNull();
      for (const line of head![1]!.split('\n')) {
        const [, name, bump] = /^"(.+)": (major|minor|patch)$/.exec(line) ?? [];
        expect(bump, `${file}: ${line}`).toBeDefined();
        expect(names, file).toContain(name);
      }
    }
  });
});
