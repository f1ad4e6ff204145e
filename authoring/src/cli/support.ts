/** What the authoring commands share: where the repository is, exit codes, writing a file whole or not at all. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The repository's root: where the command runs (`npm run` runs it there), so a test can run it in a copy. */
export const ROOT = process.cwd();
export const SOURCES_DIR = resolve(ROOT, 'docs/sources');

/** Bad input (a file ingest cannot read, a region without that document ...). */
export const EXIT_BAD_INPUT = 1;
/** The command line is wrong. */
export const EXIT_USAGE = 2;

/** A wrong command line: the message and the usage, exit 2. */
export class UsageError extends Error {}

/** Writes every file or none: each goes to a temporary name first, and all are renamed once all are written. */
export function writeAll(files: Array<[path: string, content: string]>): void {
  const temps = files.map(([path]) => `${path}.tmp-${process.pid}`);
  // An output folder that does not exist yet is made (only folders: a failed write leaves no file).
  for (const [path] of files) mkdirSync(dirname(path), { recursive: true });
  try {
    files.forEach(([, content], i) => writeFileSync(temps[i]!, content));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  files.forEach(([path], i) => renameSync(temps[i]!, path));
}

/** Runs a command's main: a UsageError exits 2 with the usage, any other error 1 with its message. */
export function run(main: () => Promise<void>, usage: string): void {
  main().catch((e: unknown) => {
    const err = e as Error;
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n\n${usage}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    }
  });
}
