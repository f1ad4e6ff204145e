/**
 * Which Chromium the browser tests drive (through playwright-core; never a browser download):
 *
 *  1. `CHROMIUM_PATH`, when set (it must exist: a wrong path is an error, not a skip);
 *  2. a browser the machine has: chromium, chromium-browser, google-chrome(-stable) on the PATH;
 *  3. the headless Chromium inside the npm package `@sparticuz/chromium` (a dev dependency, so
 *     `npm install` brings it): its brotli-packed binary is unpacked once into the temp folder
 *     (`<tmp>/samverkan-chromium-<version>/chromium`) and reused. Linux x64 only.
 *
 * When none of them can be had, `browserUnavailable()` says why: outside CI the browser tests are
 * then skipped with that reason; with CI=true they run and fail with it.
 */
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const require_ = createRequire(__filename);

export type ChromiumSource = { kind: 'env' | 'system'; path: string } | { kind: 'npm'; packed: string; version: string };

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The packed Chromium of @sparticuz/chromium, when the package is installed and fits this machine. */
function npmChromium(): { packed: string; version: string } | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let pkgJson: string;
  try {
    pkgJson = require_.resolve('@sparticuz/chromium/package.json');
  } catch {
    return null;
  }
  const packed = join(dirname(pkgJson), 'bin', 'chromium.br');
  if (!existsSync(packed)) return null;
  return { packed, version: (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version };
}

/** Where the browser comes from, or null when there is none. Synchronous: test files decide at collection. */
export function findChromium(): ChromiumSource | null {
  const env = process.env.CHROMIUM_PATH;
  if (env) return { kind: 'env', path: env };
  for (const name of SYSTEM_NAMES) {
    const path = onPath(name);
    if (path) return { kind: 'system', path };
  }
  const npm = npmChromium();
  return npm ? { kind: 'npm', ...npm } : null;
}

/** Why no browser can be had here, or null when one can. */
export function browserUnavailable(): string | null {
  if (findChromium()) return null;
  const where =
    process.platform === 'linux' && process.arch === 'x64'
      ? 'the dev dependency @sparticuz/chromium is not installed (run npm install)'
      : `@sparticuz/chromium ships Linux x64 only (this is ${process.platform} ${process.arch})`;
  return `no Chromium: CHROMIUM_PATH is unset, none of ${SYSTEM_NAMES.join(', ')} is on the PATH, and ${where}`;
}

/**
 * The executable to launch, unpacking the npm package's Chromium on first use. The file is written
 * under a private name and renamed into place, so test runs side by side never launch a half-written one.
 */
export async function chromiumExecutable(): Promise<string> {
  const source = findChromium();
  if (!source) throw new Error(browserUnavailable() ?? 'no Chromium');
  if (source.kind !== 'npm') {
    if (!executable(source.path))
      throw new Error(`Chromium not found or not executable at ${source.path} (${source.kind === 'env' ? 'CHROMIUM_PATH' : 'PATH'})`);
    return source.path;
  }
  const dir = join(tmpdir(), `samverkan-chromium-${source.version}`);
  const target = join(dir, 'chromium');
  if (executable(target)) return target;
  mkdirSync(dir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(source.packed), createBrotliDecompress({ chunkSize: 2 ** 21 }), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** A label for reports: where the browser came from. */
export function describeChromium(): string {
  const s = findChromium();
  if (!s) return 'none';
  return s.kind === 'npm' ? `@sparticuz/chromium ${s.version} (npm)` : `${s.path} (${s.kind === 'env' ? 'CHROMIUM_PATH' : 'system'})`;
}
