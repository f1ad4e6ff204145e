/**
 * Builds the review page with vite (the repository's bundler, as for web/) when its sources changed
 * since the last build, into authoring/dist/review-page/: one HTML file, one script, one style sheet,
 * nothing loaded from elsewhere, so the page works offline. vite is ESM-only: a real dynamic import.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AUTHORING = join(__dirname, '..', '..');
export const PAGE_SOURCE = join(AUTHORING, 'src', 'review');
export const PAGE_DIR = join(AUTHORING, 'dist', 'review-page');
const FREQUENCY = join(AUTHORING, '..', 'contract', 'src', 'frequency.ts');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs);
}

const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

/** The built page's folder, built first when missing or older than its sources. */
export async function ensurePage(log: (m: string) => void = () => {}): Promise<string> {
  const stamp = join(PAGE_DIR, '.built');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built && Math.max(newest(PAGE_SOURCE), newest(FREQUENCY)) <= built) return PAGE_DIR;
  log('review: building the page (vite)');
  const vite = await importEsm('vite');
  await vite.build({
    configFile: false,
    root: join(PAGE_SOURCE, 'page'),
    base: './',
    logLevel: 'warn',
    build: { outDir: PAGE_DIR, emptyOutDir: true, reportCompressedSize: false },
  });
  writeFileSync(stamp, new Date().toISOString());
  return PAGE_DIR;
}
