/**
 * What `npm run new-region` is given, checked before anything is written: the region's source document
 * (`--source`: a text already in docs/sources/, or a PDF, DOCX, HTML or text file read by ingest) and
 * its draft data file (`--data`: checked as `npm run check-data` checks it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ingestFile, originOf, readOrigin, textFileName, type Ingested, type Origin } from '@samverkan/authoring';
import { checkRegionData } from '@samverkan/contract';
import { ROOT } from './paths';
import { dataFileName } from './scaffold-names';
import { usedSourceFiles } from './scaffold-edits';

/**
 * The draft data file `--data` names, checked as `npm run check-data` checks it (schema, ids and
 * references, every quote in the source document), in a folder of its own under the name the region's
 * data file will have. Returns its text, or the problems (each naming the file and the reason).
 */
export function checkedDraft(draft: string, sourceFile: string): { text?: string; problems: string[] } {
  if (!existsSync(draft)) return { problems: [`--data ${draft}: no such file`] };
  const text = readFileSync(draft, 'utf8');
  let file: unknown;
  try {
    file = (JSON.parse(text) as { file?: unknown }).file;
  } catch (e) {
    return { problems: [`--data ${draft}: not valid JSON: ${(e as Error).message}`] };
  }
  if (file !== sourceFile) return { problems: [`--data ${draft}: its "file" is ${JSON.stringify(file)}, not the region's source document "${sourceFile}"`] };
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-new-region-data-'));
  try {
    writeFileSync(join(dir, dataFileName(sourceFile)), text);
    const { problems } = checkRegionData(dir, { sourcesDir: join(ROOT, 'docs/sources') });
    return { text, problems: problems.map((p) => `--data ${draft}: ${p.replace(dir, 'data')}`) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the region's text comes from: a text already in docs/sources/, or a file ingested into it. */
export interface SourceText {
  sourceFile: string;
  text: string;
  origin?: Origin;
  ingested?: Ingested;
}

/**
 * `--source`: a path (from where npm was run, or from the repository's root) or a bare name in docs/sources/. A text already in
 * docs/sources/ is used as it is; any other file is read by ingest now and written only by `add`.
 */
export async function resolveSource(source: string, problems: string[]): Promise<SourceText | undefined> {
  const sourcesDir = join(ROOT, 'docs/sources');
  // From where `npm run` was started, from the repository's root, or (a bare name) in docs/sources/.
  const candidates = [resolve(process.env.INIT_CWD ?? process.cwd(), source), resolve(ROOT, source)];
  if (!/[\\/]/.test(source)) candidates.push(join(sourcesDir, source));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    problems.push(`--source ${source}: does not exist (neither as a path nor as docs/sources/${basename(source)})`);
    return undefined;
  }
  const sourceFile = textFileName(file, sourcesDir);
  if (dirname(file) === sourcesDir && file.endsWith('.txt')) {
    if (!/^[\w.-]+\.txt$/.test(sourceFile)) problems.push(`--source ${source}: a .txt file name (letters, digits, . _ -)`);
    const usedBy = usedSourceFiles(ROOT).get(sourceFile);
    if (usedBy) problems.push(`--source ${source}: docs/sources/${sourceFile} is already the source of ${usedBy}`);
    return { sourceFile, text: readFileSync(file, 'utf8'), origin: readOrigin(file) };
  }
  if (existsSync(join(sourcesDir, sourceFile))) {
    problems.push(`--source ${source}: it would be ingested as docs/sources/${sourceFile}, which exists; give that file as --source to use it, or remove it`);
    return undefined;
  }
  try {
    const ingested = await ingestFile(file);
    return { sourceFile, text: ingested.text, origin: originOf(ingested), ingested };
  } catch (e) {
    problems.push(`--source ${(e as Error).message}`);
    return undefined;
  }
}

/** The top-level entries of a draft data file, and how many of its facts still carry a draft mark. */
export function draftCounts(text: string): { entries: number; proposals: number } {
  const data = JSON.parse(text) as Record<string, unknown>;
  const entries = Object.values(data).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
  let proposals = 0;
  JSON.parse(text, (key, value: unknown) => {
    if (key === 'draft' && value && typeof value === 'object') proposals++;
    return value;
  });
  return { entries, proposals };
}
