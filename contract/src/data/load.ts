/**
 * Reads a region's data files and checks them, one file at a time: memory follows the largest file,
 * not the region (a region may have tens of thousands of bodies in many files). No database here.
 *
 * The checks (`checkRegionData`) are the ones every entry point runs: a subgraph before it loads its
 * data, `npm run generate` and `npm run check-data`. A file is refused when it is not JSON, does not
 * fit the schema, has a duplicate id or a reference that does not resolve, quotes text that is not in
 * its source document, names a section heading that is not in it, or has cadence numbers other than
 * the frequency normalizer's. The source documents are found in `docs/sources/` above the data folder
 * (the repository, or /app in the container), or in SOURCES_DIR. The checks across files
 * (validate.ts: CrossFileCheck) keep ids and places only, so each file is dropped once checked.
 *
 * `openRegionData` checks a region and hands out its rows one data file at a time (convert.ts), each
 * file read again and compared with the hash it had when checked; `loadRegionData` gathers them into
 * one RegionData, for what needs the whole region at once (docs generators, tests, small regions).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DataFileSchema } from './schema';
import { checkAgainstDocument, collectCadences, checkCadenceNumbers, CrossFileCheck, excerpt } from './validate';
import { convertDataFile, dataFileHash, emptyRegionData, factCount, type DocumentNames, type RegionData } from './convert';

export { convertDataFile, dataFileHash, emptyRegionData, type DocumentNames, type RegionData } from './convert';

/** Data that may not be loaded; `problems` has one line per problem, each naming file, JSON path and text. */
export class DataFileError extends Error {
  constructor(
    readonly problems: string[],
    intro = 'data refused',
  ) {
    super(`${intro}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface DataCheckOptions {
  /** Check quotes and section headings against the source documents (default true). */
  documents?: boolean;
  /** Where the source documents are; by default `findSourcesDir(dir)`. */
  sourcesDir?: string | null;
}

/** A data file that was checked: where it is, its document, its hash in the data version, and how many facts it numbers. */
export interface CheckedDataFile {
  name: string;
  path: string;
  /** Its source document's file name ($.file). */
  file: string;
  document: { id: string; title: string };
  /** dataFileHash of its text and its document's version. */
  sha256: string;
  bodies: number;
  facts: number;
}

/** Where the source documents are: $SOURCES_DIR, else the nearest `docs/sources/` at or above `from`. */
export function findSourcesDir(from: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SOURCES_DIR) return resolve(env.SOURCES_DIR);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'docs', 'sources');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** A path as a person would type it from here: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
}

/** A zod issue path as a JSON path: ["bodies", 3, "cadence"] -> $.bodies[3].cadence */
const jsonPath = (path: ReadonlyArray<PropertyKey>) => `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`;
const valueAt = (value: unknown, path: ReadonlyArray<PropertyKey>) =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), value);

/** The text of a source document, or null when the documents are not at hand (DATA_DIR without sources). */
function documentText(sourcesDir: string | null, file: string): string | null {
  const path = sourcesDir ? join(sourcesDir, file) : null;
  return path && existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/**
 * Every data file in `dir` with every problem found in it; a region's data is loadable when `problems`
 * is empty. One file is in memory at a time.
 */
export function checkRegionData(dir: string, options: DataCheckOptions = {}): { files: CheckedDataFile[]; problems: string[]; sourcesDir: string | null } {
  const problems: string[] = [];
  const documentProblems: string[] = [];
  const files: CheckedDataFile[] = [];
  const cross = new CrossFileCheck();
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  if (names.length === 0) problems.push(`${displayPath(dir)}: no data files (*.json)`);
  const sourcesDir = options.documents === false ? null : options.sourcesDir !== undefined ? options.sourcesDir : findSourcesDir(dir);
  for (const name of names) {
    const path = join(dir, name);
    const label = displayPath(path);
    const raw = readFileSync(path, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      problems.push(`${label}: not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const parsed = DataFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${label}: ${jsonPath(i.path)}: ${i.message} (found ${excerpt(valueAt(json, i.path))})`);
      continue;
    }
    const data = parsed.data;
    if (name !== data.file.replace(/\.txt$/, '.json')) problems.push(`${label}: $.file: the file is named after another document than ${excerpt(data.file)}`);
    cross.add(data, label);
    const text = documentText(sourcesDir, data.file);
    files.push({
      name,
      path,
      file: data.file,
      document: { id: data.document.id, title: data.document.title },
      sha256: dataFileHash(raw, text),
      bodies: data.bodies.length,
      facts: factCount(data),
    });
    if (options.documents === false || !sourcesDir) {
      // Without documents, the numbers can still be checked against the normalizer.
      for (const { path: at, cadence } of collectCadences(data)) documentProblems.push(...checkCadenceNumbers(at, cadence).map((p) => `${label}: ${p}`));
      continue;
    }
    if (text === null) {
      documentProblems.push(`${label}: $.file: source document ${excerpt(data.file)} is not in ${displayPath(sourcesDir)}`);
      continue;
    }
    const other = (file: string) => documentText(sourcesDir, file) ?? undefined;
    documentProblems.push(...checkAgainstDocument(data, text, other).map((p) => `${label}: ${p}`));
  }
  problems.push(...cross.referenceProblems(), ...cross.documentProblems());
  if (options.documents !== false && !sourcesDir)
    problems.push(`${displayPath(dir)}: no source documents: no docs/sources/ at or above it, and SOURCES_DIR is not set`);
  problems.push(...documentProblems);
  return { files, problems, sourcesDir };
}

/**
 * A region's data, checked, to be read one data file at a time: what the seeding (shared orm/seed.ts)
 * takes, so that a region's start holds one file's rows at a time.
 */
export interface RegionDataSource {
  /** Every data file's document and hash, in file order: the data version. */
  files: Array<{ file: string; sha256: string }>;
  bodies: number;
  /** The rows of each data file in turn (positions count on across files), as loadRegionData would give them. */
  parts(): Iterable<RegionData>;
}

/** A RegionData already in memory as a source of one part. */
export const regionDataSource = (data: RegionData): RegionDataSource => ({ files: data.files, bodies: data.bodies.length, parts: () => [data] });

/**
 * Checks (see `checkRegionData`) the data of `region` in `dir`, throwing a DataFileError when any check
 * fails; the source reads each file again when its rows are asked for, and refuses one that changed since.
 */
export function openRegionData(region: string, dir: string, options: DataCheckOptions = {}): RegionDataSource {
  const { files, problems, sourcesDir } = checkRegionData(dir, options);
  if (problems.length) throw new DataFileError(problems, `${displayPath(dir)}: data refused`);
  const names: DocumentNames = new Map(files.map((f) => [f.file, { id: `${region}:${f.document.id}`, title: f.document.title }]));
  return {
    files: files.map((f) => ({ file: f.file, sha256: f.sha256 })),
    bodies: files.reduce((n, f) => n + f.bodies, 0),
    *parts() {
      let position = 0;
      for (const f of files) {
        const raw = readFileSync(f.path, 'utf8');
        const text = documentText(sourcesDir, f.file);
        if (dataFileHash(raw, text) !== f.sha256)
          throw new Error(`${displayPath(f.path)} (or its document) changed while the region was loading it: start again`);
        yield convertDataFile(region, DataFileSchema.parse(JSON.parse(raw)), f.sha256, text, names, position);
        position += f.facts;
      }
    },
  };
}

/** Reads, checks (see `checkRegionData`) and converts all the data of `region` in `dir` at once; throws a DataFileError when any check fails. */
export function loadRegionData(region: string, dir: string, options: DataCheckOptions = {}): RegionData {
  const out = emptyRegionData();
  for (const part of openRegionData(region, dir, options).parts()) {
    for (const key of Object.keys(out) as Array<keyof RegionData>) for (const row of part[key]) (out[key] as unknown[]).push(row);
  }
  return out;
}
