/**
 * The analyst's playground and the dashboard: static builds of the web/ workspace (no CDN). Each
 * text asset is precompressed at build time (web/precompress.ts writes .br and .gz next to it);
 * express-static-gzip picks brotli, then gzip, by the request's Accept-Encoding, and sets
 * Content-Encoding and Vary: Accept-Encoding. Clients that accept neither get the raw file.
 */
import type express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Static web apps the gateway serves: URL path → built folder (web/dist/<app>). */
export const WEB_APPS: Array<[string, string]> = [
  ['/playground', join(__dirname, '..', '..', 'web', 'dist', 'playground')],
  ['/dashboard', join(__dirname, '..', '..', 'web', 'dist', 'dashboard')],
];

export function serveWebApps(app: express.Express): void {
  for (const [path, dir] of WEB_APPS) {
    if (!existsSync(join(dir, 'index.html'))) continue;
    app.use(path, expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: 'index.html', serveStatic: { maxAge: '1h' } }));
  }
}
