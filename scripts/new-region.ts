/**
 * `npm run new-region -- <code> "<Name>" --source <file>`: scaffolds a region subgraph with the shape
 * of the others (subgraphs/<code>/: package.json, tsconfig.json, README.md, src/, data/, test/),
 * registers it (contract/src/registry.ts, the root package.json workspaces and package-lock.json, the
 * root tsconfig.json references, the Dockerfile, docs/sources/README.md), then does
 * what `npm run generate` does: builds, regenerates (comparison stubs, docker-compose.yml,
 * deploy/k8s/, docs/regions/, CODEOWNERS, the configuration reference and .env.example), composes,
 * and regenerates the dashboard's operation types from the new supergraph. `npm test` passes right
 * after it, with no other edit.
 *
 * `<file>` is the region's source document: a text file already in docs/sources/ (its name or path),
 * or a PDF, DOCX, HTML or text file anywhere, which is ingested into docs/sources/ first, with its
 * origin beside it, as `npm run ingest` does. The data file names it and quotes its title (its first
 * line); no fact is invented. With `--data <file.json>`, the
 * region starts from a reviewed draft instead: a data file for that document which passes
 * `npm run check-data` (it is checked before anything is written, and copied as the region's data file).
 *
 * `npm run new-region -- --remove <code>` undoes all of it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sidecarContent, sidecarPath } from '@samverkan/authoring';
import { ROOT } from './lib/paths';
import {
  addDockerCopy,
  addReference,
  addSourceRow,
  addToRegistry,
  addWorkspace,
  codeProblems,
  dataFileName,
  documentTitle,
  nextFreePort,
  regionDir,
  regionTypename,
  registeredRegions,
  REGISTRY_FILE,
  removeDockerCopy,
  removeFromRegistry,
  removeReference,
  removeSourceRow,
  removeWorkspace,
  renderRegionFiles,
  SOURCES_README,
  type NewRegion,
} from './lib/scaffold';
// Not through ./lib/scaffold: it loads the authoring package (ingest), which compose, also importing the scaffold, need not.
import { checkedDraft, draftCounts, resolveSource } from './lib/scaffold-sources';

const USAGE = `usage:
  npm run new-region -- <code> "<Name>" --source <document> [--data <draft data file.json>]
    <document>: a .txt in docs/sources/, or a .pdf, .docx, .html or .txt anywhere (ingested into docs/sources/)
  npm run new-region -- --remove <code>`;

class UsageError extends Error {}

const path = (file: string) => join(ROOT, file);
const read = (file: string) => readFileSync(path(file), 'utf8');

/** Applies `edit` to `file` when it exists (a checkout without the sources' README still works). */
function edit(file: string, change: (text: string) => string, required = true): void {
  if (!existsSync(path(file))) {
    if (required) throw new Error(`${file} is missing`);
    return;
  }
  const before = read(file);
  const after = change(before);
  if (after !== before) {
    writeFileSync(path(file), after);
    console.log(`edited ${file}`);
  }
}

/** The steps of `npm run generate`: build, generate, build (the stubs changed), compose, codegen (the dashboard's types). */
function regenerate(composeArgs: string[] = []): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const steps: Array<[string, string[]]> = [
    ['build', [tsc, '-b']],
    ['generate', [join(ROOT, 'scripts', 'dist', 'generate.js')]],
    ['build', [tsc, '-b']],
    ['compose', [join(ROOT, 'scripts', 'dist', 'compose.js'), ...composeArgs]],
    ['codegen', [join(ROOT, 'scripts', 'dist', 'codegen.js')]],
  ];
  for (const [name, args] of steps) {
    console.log(`\n> ${name}`);
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status ?? r.signal})`);
  }
}

/** node_modules/@samverkan/<code>, the link `npm install` makes for a workspace. */
function linkWorkspace(code: string): void {
  const scope = path('node_modules/@samverkan');
  if (!existsSync(scope)) return;
  const link = join(scope, code);
  if (!existsSync(link)) symlinkSync(join('..', '..', regionDir(code)), link, 'dir');
}

function unlinkWorkspace(code: string): void {
  const link = path(`node_modules/@samverkan/${code}`);
  try {
    if (lstatSync(link).isSymbolicLink()) unlinkSync(link);
  } catch {
    // not there
  }
}

/** The repository's formatter over what the scaffold wrote, so `npm run lint` stays clean (and --remove gives back the same bytes). */
function formatRegion(code: string): void {
  const run = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--log-level', 'warn', '--write', regionDir(code), REGISTRY_FILE], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`prettier exited with ${run.status ?? run.signal} on ${regionDir(code)}`);
}

async function add(code: string, name: string, source: string | undefined, draft: string | undefined): Promise<void> {
  const problems = codeProblems(ROOT, code);
  if (!name.trim() || /[\n\r]/.test(name)) problems.push('the name must be one non-empty line');
  if (!source)
    problems.push("--source <file> is required: the region's source document (a .txt in docs/sources/, or a PDF, DOCX, HTML or text file to ingest)");
  const src = source && !problems.length ? await resolveSource(source, problems) : undefined;
  if (problems.length || !src) throw new UsageError(problems.map((p) => `- ${p}`).join('\n'));
  const { sourceFile } = src;
  // An ingested text goes into docs/sources/ now (the draft's quotes are checked against it), and out again on failure.
  const written = src.ingested ? [path(`docs/sources/${sourceFile}`), sidecarPath(path(`docs/sources/${sourceFile}`))] : [];
  if (src.ingested) {
    writeFileSync(written[0]!, src.text);
    writeFileSync(written[1]!, sidecarContent(src.ingested));
    console.log(`ingested ${src.ingested.origin.fileName} (${src.ingested.origin.mediaType}) -> docs/sources/${sourceFile} (+ .origin.json)`);
  }
  const data = draft ? checkedDraft(draft, sourceFile) : undefined;
  if (data?.problems.length) {
    for (const f of written) rmSync(f, { force: true });
    throw new UsageError(data.problems.map((p) => `- ${p}`).join('\n'));
  }

  const title = documentTitle(src.text);
  const region: NewRegion = {
    code,
    name: name.trim(),
    sourceFile,
    title,
    port: nextFreePort(read(REGISTRY_FILE)),
    ...(src.origin ? { origin: src.origin } : {}),
    ...(data?.text !== undefined ? { fromDraft: draftCounts(data.text) } : {}),
  };
  console.log(`new region ${code} (${regionTypename(code)}, port ${region.port}), source ${sourceFile}: "${title}"`);

  const files = renderRegionFiles(region);
  if (data?.text !== undefined) files[`data/${dataFileName(sourceFile)}`] = data.text;
  for (const [file, content] of Object.entries(files)) {
    const target = path(`${regionDir(code)}/${file}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${regionDir(code)}/${file}`);
  }
  edit(REGISTRY_FILE, (t) => addToRegistry(t, region));
  edit('package.json', (t) => addWorkspace(t, code));
  edit('tsconfig.json', (t) => addReference(t, code));
  edit('Dockerfile', (t) => addDockerCopy(t, code));
  edit(SOURCES_README, (t) => addSourceRow(t, region), false);
  linkWorkspace(code);
  updateLockfile();
  formatRegion(code);

  try {
    regenerate();
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\nThe files are written; fix the problem and run \`npm run generate\`, or undo with \`npm run new-region -- --remove ${code}\`.`,
      { cause: e },
    );
  }
  console.log(`
Region ${code} is scaffolded, registered, generated and composed. Next:
  1. ${data ? 'Review the drafted facts' : 'Model the document'} in ${regionDir(code)}/data/${dataFileName(sourceFile)}: npm run review -- --region ${code} (docs/AUTHORING.md).
  2. Add the region to the README's table of regions, and its tests to ${regionDir(code)}/test/${code}.test.ts.
  3. npm run check-data && npm run generate && npm test && npm run schema:check, then commit everything (package-lock.json included).`);
}

/** package-lock.json is written by npm only: the new workspace (or its removal) recorded by `npm install --package-lock-only`. */
function updateLockfile(): void {
  const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`npm install --package-lock-only failed: ${r.stderr || r.stdout}`);
  console.log('updated package-lock.json (npm install --package-lock-only)');
}

function remove(code: string): void {
  const registered = registeredRegions(read(REGISTRY_FILE)).some((r) => r.code === code);
  const dir = path(regionDir(code));
  if (!registered && !existsSync(dir)) throw new UsageError(`- "${code}" is neither registered nor a folder under subgraphs/`);
  if (['comparison', 'gateway', 'shared', 'contract'].includes(code)) throw new UsageError(`- "${code}" is not a region`);

  // The source rows this region added to docs/sources/README.md (its data files name their documents).
  const sources: string[] = [];
  const dataDir = join(dir, 'data');
  if (existsSync(dataDir)) {
    for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.json'))) {
      try {
        sources.push((JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as { file: string }).file);
      } catch {
        /* unreadable: nothing to undo */
      }
    }
  }
  const name = /name: '((?:[^'\\]|\\.)*)'/
    .exec(
      read(REGISTRY_FILE)
        .split('\n')
        .find((l) => l.includes(`{ code: '${code}',`)) ?? '',
    )?.[1]
    ?.replace(/\\(.)/g, '$1');

  edit(REGISTRY_FILE, (t) => removeFromRegistry(t, code));
  edit('package.json', (t) => removeWorkspace(t, code));
  edit('tsconfig.json', (t) => removeReference(t, code));
  edit('Dockerfile', (t) => removeDockerCopy(t, code));
  if (name) for (const s of sources) edit(SOURCES_README, (t) => removeSourceRow(t, s, name), false);
  unlinkWorkspace(code);
  updateLockfile();
  for (const file of [regionDir(code), `docs/regions/${code}.md`]) {
    if (existsSync(path(file))) {
      rmSync(path(file), { recursive: true, force: true });
      console.log(`removed ${file}`);
    }
  }
  regenerate(['--accept-removed-region', code]);
  console.log(`\nRegion ${code} is removed (its source document in docs/sources/ is kept).`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (f: string) => {
    const i = args.indexOf(f);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    if (!v || v.startsWith('--')) throw new UsageError(`- ${f} needs a value`);
    return v;
  };
  const removeCode = flag('--remove');
  if (removeCode !== undefined) {
    if (args.length) throw new UsageError(`- unexpected arguments: ${args.join(' ')}`);
    return remove(removeCode);
  }
  const source = flag('--source');
  const draft = flag('--data');
  if (args.length !== 2 || args.some((a) => a.startsWith('--'))) throw new UsageError('- expected a code and a name');
  await add(args[0]!, args[1]!, source, draft === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), draft));
}

main().catch((e: unknown) => {
  console.error(e instanceof UsageError ? `${e.message}\n\n${USAGE}` : (e as Error).message);
  process.exit(e instanceof UsageError ? 2 : 1);
});
