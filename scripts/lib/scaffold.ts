/**
 * `npm run new-region`: the files of a new region subgraph and the edits that register it. The file
 * templates are the real region files (subgraphs/samla/...) with the region's names put in; the test
 * (test/new-region.test.ts) renders them for every existing region and compares, so the shape of a
 * new region cannot drift from the others. Every edit here has its exact undo (`--remove`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_SCHEMA_REF } from './generated';
import { ROOT } from './paths';

/** The version of a workspace package (contract/, shared/): a region depends on exactly that. */
const versionOf = (dir: string) => (JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { version: string }).version;

export interface NewRegion {
  /** Lower-case letters: the subgraph's name, folder, PostgreSQL schema and drill-down root field. */
  code: string;
  /** Display name, as in the registry. */
  name: string;
  /** The source document in docs/sources/ (file name only). */
  sourceFile: string;
  /** The document's title: its first non-empty line, without Markdown heading marks. */
  title: string;
  port: number;
}

export const CODE_PATTERN = /^[a-z]+$/;
export const regionTypename = (code: string) => `${code[0]!.toUpperCase()}${code.slice(1)}Region`;
export const regionDir = (code: string) => `subgraphs/${code}`;
export const dataFileName = (sourceFile: string) => sourceFile.replace(/\.txt$/, '.json');
/** A TypeScript single-quoted string literal. */
const sq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const docNumber = (sourceFile: string) => basename(sourceFile, '.txt').split('_')[0];

/** The document's title: its first non-empty line, without leading `#` marks; quoted verbatim from the document. */
export function documentTitle(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0);
  const title = line?.replace(/^#+\s*/, '').trim();
  if (!title) throw new Error('the source document has no text: its first non-empty line is its title');
  return title;
}

// ---------------------------------------------------------------------------------------------
// The files of subgraphs/<code>/ (relative path -> content)

export function renderRegionFiles(r: NewRegion): Record<string, string> {
  const T = regionTypename(r.code);
  const data = dataFileName(r.sourceFile);
  return {
    'package.json': `{
  "name": "@samverkan/${r.code}",
  "version": "0.1.0",
  "private": true,
  "main": "dist/index.js",
  "scripts": { "start": "node dist/index.js" },
  "dependencies": { "@samverkan/contract": "${versionOf('contract')}", "@samverkan/shared": "${versionOf('shared')}", "reflect-metadata": "0.2.2", "type-graphql": "2.0.0-rc.4" }
}
`,
    'tsconfig.json': `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src"],
  "references": [{ "path": "../../contract" }, { "path": "../../shared" }]
}
`,
    'README.md': `# ${r.name} subgraph

Serves \`${T}\` from ${r.title} (${docNumber(r.sourceFile)}).

What is special here: nothing yet. Scaffolded by \`npm run new-region\`: the data file names the
document and models no fact yet. Model the document's bodies, roles, reporting duties, plans and
rules in the data file, each with a verbatim quote, and add what only this region has as fields in
\`src/resolver.ts\` (see [docs/EXTENDING.md](../../docs/EXTENDING.md)).

Data: \`data/${data}\`. Overview: [docs/regions/${r.code}.md](../../docs/regions/${r.code}.md).
`,
    'src/index.ts': `/** Entry point of the ${r.name} subgraph. */
// First: tracing (when configured) must be set up before the modules it instruments load.
import '@samverkan/shared/tracing';
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
`,
    'src/subgraph.ts': `/** The ${r.name} subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { ${T}Resolver } from './resolver';

export const subgraph: RegionSubgraphOptions = {
  code: '${r.code}',
  resolvers: [${T}Resolver],
  dataDir: join(__dirname, '..', 'data'),
  migrations,
};
`,
    'src/region.ts': `/** ${T}: the shared Region contract plus what only ${r.name} has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('${T}', { implements: Region, description: ${sq(`${r.name}: ${r.title}.`)} })
export class ${T} extends Region {}
`,
    'src/resolver.ts': `/** ${r.name}: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Query, Resolver } from 'type-graphql';
import { regionByCode } from '@samverkan/contract';
import { createRegionResolver } from '@samverkan/shared';
import { ${T} } from './region';

const entry = regionByCode('${r.code}')!;

@Resolver(() => ${T})
export class ${T}Resolver extends createRegionResolver(${T}) {
  @Query(() => ${T}, { description: ${sq(`${r.name}, served by this subgraph alone (drill-down).`)} })
  ${r.code}(): ${T} {
    return { code: entry.code, name: entry.name } as ${T};
  }

  // Fields only ${r.name} has go here, e.g. a list of regional facts of one topic:
  //   @FieldResolver(() => [RegionalFact], { description: '...' })
  //   myTopic(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> { return regionalFactsByTopic(ctx, 'my-topic'); }
  // (docs/EXTENDING.md walks through one.)
}
`,
    'src/migrations/index.ts': `/** ${r.name}: migrations in order: the shared base tables, then this region's own (none yet). */
import { BASE_REGION_MIGRATIONS } from '@samverkan/shared';

export const migrations = [...BASE_REGION_MIGRATIONS];
`,
    [`data/${data}`]: `${JSON.stringify({
      $schema: DATA_SCHEMA_REF,
      file: r.sourceFile,
      document: {
        // A short stable id: the file name's stem as a slug (rename it to a word if you like, before anything cites it).
        id: r.sourceFile.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
        title: r.title,
        date: null,
        reviewBy: null,
        note: 'Scaffolded by `npm run new-region`: no fact of this document is modelled yet. Add them, each with a verbatim quote (docs/EXTENDING.md).',
        source: { section: r.title, quote: r.title },
      },
      bodies: [],
      roles: [],
      reportingDuties: [],
      plans: [],
      decisionRules: [],
      regionalFacts: [],
    }, null, 2)}\n`,
    [`test/${r.code}.test.ts`]: `/**
 * ${r.name} through the gateway: the region answers from its document, and every served quote is
 * checked against the source document on disk. Add a test per analyst question as the data grows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegion, provenanceTests, readDocuments, type Region } from '../../../test/support/region';

const CODE = '${r.code}';
const DOCS = [${sq(r.sourceFile)}];
/** The fields only ${r.code} serves, beside those every region serves (none yet). */
type ${T} = Region;

let region: ${T};
beforeAll(async () => { region = await loadRegion<${T}>(CODE, ''); });
const documentText = readDocuments(DOCS);

describe(${sq(`${r.name} through the gateway`)}, () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.name).toBe(${sq(r.name)});
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.documents[0]!.title).toBe(${sq(r.title)});
  });

  provenanceTests(CODE, DOCS, documentText, () => region, 0);
});
`,
  };
}

// ---------------------------------------------------------------------------------------------
// Edits of shared files: each is a pure function of the file's text, with its exact undo.

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
  return text.split('\n').filter((l) => !match(l)).join('\n');
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
export const addReference = (text: string, code: string) => editReferences(text, (refs) => {
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
export const removeSourceRow = (text: string, sourceFile: string, name: string) =>
  removeLines(text, (l) => l.startsWith(`| ${sourceFile} | ${name} |`));

// ---------------------------------------------------------------------------------------------
// Checks before anything is written

/** Why `code` cannot be a new region (an empty list when it can). */
export function codeProblems(root: string, code: string): string[] {
  const problems: string[] = [];
  if (!CODE_PATTERN.test(code)) problems.push(`the code "${code}" must be lower-case letters a–z only (it is the subgraph's name, folder, PostgreSQL schema and root field)`);
  const registry = readFileSync(join(root, REGISTRY_FILE), 'utf8');
  if (registeredRegions(registry).some((r) => r.code === code)) problems.push(`"${code}" is already registered in ${REGISTRY_FILE}`);
  if (['comparison', 'gateway', 'shared', 'contract', 'region', 'regions', 'landscape', 'postgres'].includes(code)) problems.push(`"${code}" is a reserved name`);
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
