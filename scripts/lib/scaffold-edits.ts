/**
 * The edits of shared files that register a new region, each a pure function of the file's text with
 * its exact undo (`npm run new-region -- --remove`), and the checks made before anything is written.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_PATTERN, regionDir, regionTypename, type NewRegion } from './scaffold-names';

export const REGISTRY_FILE = 'contract/src/registry.ts';

export function registryLine(r: Pick<NewRegion, 'code' | 'name' | 'port'>): string {
  const name = r.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `  { code: '${r.code}', name: '${name}', typename: '${regionTypename(r.code)}', port: ${r.port} },`;
}

const registryRange = (text: string) => {
  const start = text.indexOf('export const REGIONS');
  const end = start < 0 ? -1 : text.indexOf('\n];', start);
  if (start < 0 || end < 0) throw new Error(`${REGISTRY_FILE}: cannot find "export const REGIONS ... ];"`);
  return { start, end };
};

export function addToRegistry(text: string, r: Pick<NewRegion, 'code' | 'name' | 'port'>): string {
  const { end } = registryRange(text);
  return `${text.slice(0, end)}\n${registryLine(r)}${text.slice(end)}`;
}

export function removeFromRegistry(text: string, code: string): string {
  return removeLines(text, (l) => l.trimStart().startsWith(`{ code: '${code}',`));
}

/** The registry's regions and ports as written (the running process's REGIONS may be older). */
export function registeredRegions(text: string): Array<{ code: string; port: number }> {
  const { start, end } = registryRange(text);
  return [...text.slice(start, end).matchAll(/\{ code: '([a-z0-9-]+)'.*?port: (\d+)/g)].map((m) => ({ code: m[1]!, port: Number(m[2]) }));
}

/** All ports the registry file names (regions, comparison, gateway). */
export function registeredPorts(text: string): number[] {
  return [...text.matchAll(/port: (\d+)/g)].map((m) => Number(m[1]));
}

function removeLines(text: string, match: (line: string) => boolean): string {
  return text
    .split('\n')
    .filter((l) => !match(l))
    .join('\n');
}

/** Inserts `line` before the first line for which `before` holds. */
function insertBefore(text: string, file: string, before: (line: string) => boolean, line: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex(before);
  if (i < 0) throw new Error(`${file}: cannot find where to add "${line.trim()}"`);
  lines.splice(i, 0, line);
  return lines.join('\n');
}

/** Root package.json: the workspace, before subgraphs/comparison (npm writes 2-space JSON). */
export function addWorkspace(text: string, code: string): string {
  const pkg = JSON.parse(text) as { workspaces: string[] };
  const at = pkg.workspaces.indexOf('subgraphs/comparison');
  pkg.workspaces.splice(at < 0 ? pkg.workspaces.length : at, 0, regionDir(code));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function removeWorkspace(text: string, code: string): string {
  const pkg = JSON.parse(text) as { workspaces: string[] };
  pkg.workspaces = pkg.workspaces.filter((w) => w !== regionDir(code));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Root tsconfig.json: the project reference, before subgraphs/comparison (rewritten as 2-space JSON). */
function editReferences(text: string, change: (refs: Array<{ path: string }>) => Array<{ path: string }>): string {
  const config = JSON.parse(text) as { references: Array<{ path: string }> };
  return `${JSON.stringify({ ...config, references: change(config.references) }, null, 2)}\n`;
}
export const addReference = (text: string, code: string) =>
  editReferences(text, (refs) => {
    const at = refs.findIndex((r) => r.path === 'subgraphs/comparison');
    if (at < 0) throw new Error('tsconfig.json: cannot find the reference to subgraphs/comparison, before which a region goes');
    return [...refs.slice(0, at), { path: regionDir(code) }, ...refs.slice(at)];
  });
export const removeReference = (text: string, code: string) => editReferences(text, (refs) => refs.filter((r) => r.path !== regionDir(code)));

/** Dockerfile: the workspace's package.json before `npm ci`, beside the other subgraphs. */
export const dockerCopyLine = (code: string) => `COPY ${regionDir(code)}/package.json ${regionDir(code)}/`;
export const addDockerCopy = (text: string, code: string) =>
  insertBefore(text, 'Dockerfile', (l) => l.startsWith('COPY subgraphs/comparison/package.json'), dockerCopyLine(code));
export const removeDockerCopy = (text: string, code: string) => removeLines(text, (l) => l === dockerCopyLine(code));

/** docs/sources/README.md: the document's row in the table of sources. */
export const SOURCES_README = 'docs/sources/README.md';
export const sourceRow = (r: Pick<NewRegion, 'sourceFile' | 'name' | 'title'>) => `| ${r.sourceFile} | ${r.name} | ${r.title} |`;
export function addSourceRow(text: string, r: Pick<NewRegion, 'sourceFile' | 'name' | 'title'>): string {
  const lines = text.split('\n');
  const last = lines.map((l) => /^\| \S+\.txt \|/.test(l)).lastIndexOf(true);
  if (last < 0) throw new Error(`${SOURCES_README}: cannot find the table of source documents`);
  lines.splice(last + 1, 0, sourceRow(r));
  return lines.join('\n');
}
export const removeSourceRow = (text: string, sourceFile: string, name: string) => removeLines(text, (l) => l.startsWith(`| ${sourceFile} | ${name} |`));

// ---------------------------------------------------------------------------------------------
// Checks before anything is written

/** Why `code` cannot be a new region (an empty list when it can). */
export function codeProblems(root: string, code: string): string[] {
  const problems: string[] = [];
  if (!CODE_PATTERN.test(code))
    problems.push(`the code "${code}" must be lower-case letters a–z only (it is the subgraph's name, folder, PostgreSQL schema and root field)`);
  const registry = readFileSync(join(root, REGISTRY_FILE), 'utf8');
  if (registeredRegions(registry).some((r) => r.code === code)) problems.push(`"${code}" is already registered in ${REGISTRY_FILE}`);
  if (['comparison', 'gateway', 'shared', 'contract', 'region', 'regions', 'landscape', 'postgres'].includes(code))
    problems.push(`"${code}" is a reserved name`);
  if (CODE_PATTERN.test(code) && existsSync(join(root, regionDir(code)))) problems.push(`${regionDir(code)}/ already exists`);
  return problems;
}

/** The source files the existing regions' data files name. */
export function usedSourceFiles(root: string): Map<string, string> {
  const used = new Map<string, string>();
  const dir = join(root, 'subgraphs');
  for (const sub of readdirSync(dir)) {
    const data = join(dir, sub, 'data');
    if (!existsSync(data)) continue;
    for (const f of readdirSync(data).filter((n) => n.endsWith('.json'))) {
      try {
        used.set((JSON.parse(readFileSync(join(data, f), 'utf8')) as { file: string }).file, sub);
      } catch {
        // an unreadable data file is the data tests' business
      }
    }
  }
  return used;
}

/** The next free port after every port in the registry. */
export const nextFreePort = (registryText: string) => Math.max(...registeredPorts(registryText)) + 1;
