/**
 * Reads a region's data files, checks them, and turns them into rows: ids become global
 * ("<region>:<slug>"), every Source learns its document. No database here.
 *
 * The checks (`checkRegionData`) are the ones every entry point runs: a subgraph before it loads its
 * data, `npm run generate` and `npm run check-data`. A file is refused when it is not JSON, does not
 * fit the schema, has a duplicate id or a reference that does not resolve, quotes text that is not in
 * its source document, names a section heading that is not in it, or has cadence numbers other than
 * the frequency normalizer's. The source documents are found in `docs/sources/` above the data folder
 * (the repository, or /app in the container), or in SOURCES_DIR.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DataFileSchema, type DataFile } from './schema';
import { documentPassages, documentVersion } from './documents';
import { checkAgainstDocument, checkDocumentRefs, checkReferences, collectCadences, checkCadenceNumbers, excerpt } from './validate';
import type { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role } from '../graphql/types';
import type { SourceDocument } from '../graphql/documents';

export interface RegionData {
  files: Array<{ file: string; sha256: string }>;
  documents: SourceDocument[];
  bodies: Array<Body & { position: number }>;
  roles: Array<Role & { position: number; document: string }>;
  reportingDuties: Array<ReportingDuty & { position: number; document: string }>;
  plans: Array<Plan & { position: number; document: string }>;
  decisionRules: Array<DecisionRule & { position: number; document: string }>;
  regionalFacts: Array<RegionalFact & { position: number; document: string }>;
}

/** Data that may not be loaded; `problems` has one line per problem, each naming file, JSON path and text. */
export class DataFileError extends Error {
  constructor(readonly problems: string[], intro = 'data refused') {
    super(`${intro}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface DataCheckOptions {
  /** Check quotes and section headings against the source documents (default true). */
  documents?: boolean;
  /** Where the source documents are; by default `findSourcesDir(dir)`. */
  sourcesDir?: string | null;
}

export interface CheckedDataFile { name: string; path: string; raw: string; data: DataFile }

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

/** Every data file in `dir` with every problem found in it; a region's data is loadable when `problems` is empty. */
export function checkRegionData(dir: string, options: DataCheckOptions = {}): { files: CheckedDataFile[]; problems: string[]; sourcesDir: string | null } {
  const problems: string[] = [];
  const files: CheckedDataFile[] = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : [];
  if (names.length === 0) problems.push(`${displayPath(dir)}: no data files (*.json)`);
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
    if (name !== parsed.data.file.replace(/\.txt$/, '.json')) problems.push(`${label}: $.file: the file is named after another document than ${excerpt(parsed.data.file)}`);
    files.push({ name, path, raw, data: parsed.data });
  }
  problems.push(...checkReferences(files.map((f) => f.data), files.map((f) => displayPath(f.path))));
  problems.push(...checkDocumentRefs(files.map((f) => f.data), files.map((f) => displayPath(f.path))));

  const sourcesDir = options.documents === false ? null : options.sourcesDir !== undefined ? options.sourcesDir : findSourcesDir(dir);
  if (options.documents !== false && !sourcesDir) problems.push(`${displayPath(dir)}: no source documents: no docs/sources/ at or above it, and SOURCES_DIR is not set`);
  for (const f of files) {
    const label = displayPath(f.path);
    if (options.documents === false || !sourcesDir) {
      // Without documents, the numbers can still be checked against the normalizer.
      for (const { path, cadence } of collectCadences(f.data)) problems.push(...checkCadenceNumbers(path, cadence).map((p) => `${label}: ${p}`));
      continue;
    }
    const document = join(sourcesDir, f.data.file);
    if (!existsSync(document)) {
      problems.push(`${label}: $.file: source document ${excerpt(f.data.file)} is not in ${displayPath(sourcesDir)}`);
      continue;
    }
    const other = (file: string) => (existsSync(join(sourcesDir, file)) ? readFileSync(join(sourcesDir, file), 'utf8') : undefined);
    problems.push(...checkAgainstDocument(f.data, readFileSync(document, 'utf8'), other).map((p) => `${label}: ${p}`));
  }
  return { files, problems, sourcesDir };
}

/** The data files of `dir`, each parsed, when every check passes; a DataFileError listing every problem otherwise. */
export function readDataFiles(dir: string, options: DataCheckOptions = {}): CheckedDataFile[] {
  const { files, problems } = checkRegionData(dir, options);
  if (problems.length) throw new DataFileError(problems, `${displayPath(dir)}: data refused`);
  return files;
}

type DocumentNames = Map<string, { id: string; title: string }>;

/**
 * Adds `document` (when absent), `documentId` and `documentTitle` to every Source object inside a
 * value (deep copy), from the region's documents by file name (checkDocumentRefs made sure they resolve).
 */
function withDocument<T>(value: T, document: string, names: DocumentNames): T {
  if (Array.isArray(value)) return value.map((v) => withDocument(v, document, names)) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = withDocument(v, document, names);
    if (typeof record.quote === 'string' && typeof record.section === 'string') {
      const file = typeof record.document === 'string' ? record.document : document;
      const named = names.get(file)!;
      Object.assign(out, { documentId: named.id, documentTitle: named.title, document: file });
    }
    return out as T;
  }
  return value;
}

/** The text of a source document, or null when the documents are not at hand (DATA_DIR without sources). */
function documentText(dir: string, file: string, options: DataCheckOptions): string | null {
  const sourcesDir = options.documents === false ? null : options.sourcesDir !== undefined ? options.sourcesDir : findSourcesDir(dir);
  const path = sourcesDir ? join(sourcesDir, file) : null;
  return path && existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Reads, checks (see `checkRegionData`) and converts the data of `region` in `dir`; throws a DataFileError when any check fails. */
export function loadRegionData(region: string, dir: string, options: DataCheckOptions = {}): RegionData {
  const files = readDataFiles(dir, options);
  const g = (id: string | null | undefined) => (id ? `${region}:${id}` : id ?? null);
  const out: RegionData = { files: [], documents: [], bodies: [], roles: [], reportingDuties: [], plans: [], decisionRules: [], regionalFacts: [] };
  const names: DocumentNames = new Map(files.map((f) => [f.data.file, { id: g(f.data.document.id)!, title: f.data.document.title }]));
  let position = 0;
  for (const { raw, data: rawData } of files) {
    const doc = rawData.file;
    const data = withDocument(rawData, doc, names);
    const text = documentText(dir, doc, options);
    const version = text === null ? null : documentVersion(text);
    // The data version covers the document's text too: its passages are served.
    out.files.push({ file: doc, sha256: createHash('sha256').update(raw).update(`\n${version ?? ''}`).digest('hex') });
    out.documents.push({
      ...data.document, id: names.get(doc)!.id, file: doc, version, textAvailable: text !== null,
      passages: text === null ? null : documentPassages(text, data.document.title),
    } as SourceDocument);
    for (const b of data.bodies) {
      out.bodies.push({
        ...b,
        id: g(b.id)!,
        regionCode: region,
        document: doc,
        parent: b.parent ? { ...b.parent, bodyId: g(b.parent.bodyId)! } : null,
        position: position++,
      } as unknown as Body & { position: number });
    }
    for (const r of data.roles) out.roles.push({ ...r, id: g(r.id)!, regionCode: region, servesBodyIds: r.servesBodyIds.map((id) => g(id)!), position: position++, document: doc } as unknown as Role & { position: number; document: string });
    for (const d of data.reportingDuties) out.reportingDuties.push({ ...d, id: g(d.id)!, regionCode: region, fromBodyId: g(d.fromBodyId), toBodyId: g(d.toBodyId), fromRoleId: g(d.fromRoleId), toRoleId: g(d.toRoleId), position: position++, document: doc } as unknown as ReportingDuty & { position: number; document: string });
    for (const p of data.plans) out.plans.push({ ...p, id: g(p.id)!, regionCode: region, ownerBodyId: g(p.ownerBodyId), position: position++, document: doc } as unknown as Plan & { position: number; document: string });
    for (const r of data.decisionRules) out.decisionRules.push({ ...r, id: g(r.id)!, regionCode: region, position: position++, document: doc } as unknown as DecisionRule & { position: number; document: string });
    for (const f of data.regionalFacts) out.regionalFacts.push({ ...f, id: g(f.id)!, position: position++, document: doc } as unknown as RegionalFact & { position: number; document: string });
  }
  return out;
}
