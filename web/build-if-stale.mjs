#!/usr/bin/env node
/**
 * Builds the web apps only when a source changed since the last build (sources: web/ outside
 * node_modules and dist, and docs/queries, which the playground embeds). Keeps `npm start` fast
 * after the first build; `npm run build -w web` always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const stamp = join(web, 'dist', '.built');
const sources = [web, join(web, '..', 'docs', 'queries')];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built && sources.every((p) => newest(p) <= built)) {
  console.log('web: up to date');
} else {
  execFileSync('npm', ['run', 'build'], { cwd: web, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
