/**
 * A copy of the working tree in a temporary folder, to run the repository's own commands in without
 * touching the tree: git's tracked files plus untracked, not ignored ones (the tree as the developer
 * sees it), with a node_modules whose @samverkan/* links point at the copy's workspaces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * A copy of the working tree (tracked and untracked-not-ignored files) with its own node_modules links,
 * committed in a repository of its own as one snapshot (so `git status` there shows what a command
 * changed); returns its folder.
 */
export function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-new-region-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = join(root, f);
    if (!existsSync(from) || lstatSync(from).isDirectory()) continue; // deleted in the tree, or a submodule
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(from, join(dir, f), { preserveTimestamps: true });
  }
  // node_modules: every package linked to the real one, except our workspaces, which must be the copy's.
  mkdirSync(join(dir, 'node_modules', '@samverkan'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '@samverkan') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  for (const ws of readdirSync(join(root, 'node_modules', '@samverkan'))) {
    const link = join(root, 'node_modules', '@samverkan', ws);
    if (lstatSync(link).isSymbolicLink()) symlinkSync(readlinkSync(link), join(dir, 'node_modules', '@samverkan', ws)); // relative: ../../<workspace>
    // A workspace's own node_modules (npm nests a version that differs from the root's there) is linked too.
    const nested = join(root, readlinkSync(link).replace(/^(\.\.\/)+/, ''), 'node_modules');
    const target = join(dir, readlinkSync(link).replace(/^(\.\.\/)+/, ''), 'node_modules');
    if (lstatSync(link).isSymbolicLink() && existsSync(nested) && !existsSync(target)) symlinkSync(nested, target);
  }
  gitIn(dir, 'init', '-q');
  gitIn(dir, 'add', '-A');
  gitIn(dir, '-c', 'user.name=new-region test', '-c', 'user.email=test@localhost', 'commit', '-q', '--no-verify', '--no-gpg-sign', '-m', 'snapshot');
  return dir;
}

/** git in the copy `dir` (no line-ending conversion), its output. */
export const gitIn = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });

/** Node with `args` in the copy `dir`, at most five minutes: its exit status and its stdout and stderr. */
export function nodeIn(dir: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 300_000, env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** The build (`tsc -b`) in the copy `dir`, with this tree's TypeScript. */
export const tscIn = (dir: string) => nodeIn(dir, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);

/**
 * A vitest config in a folder of its own (outside the copy, so its tree stays clean) that runs only the
 * test files `include` matches in the copy `dir`, against `gatewayUrl`: what the copy's `npm test` would
 * run for them, without a second federation. The caller removes `folder`.
 */
export function vitestConfigIn(dir: string, include: string[], gatewayUrl: string): { file: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'samverkan-new-region-vitest-'));
  const file = join(folder, 'vitest.config.mjs');
  writeFileSync(
    file,
    `export default ${JSON.stringify({ root: dir, test: { include, provide: { gatewayUrl }, testTimeout: 30_000, reporters: ['verbose'] } })};\n`,
  );
  return { file, folder };
}
