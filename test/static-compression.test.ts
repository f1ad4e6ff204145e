/**
 * The playground and the dashboard are served compressed: every text asset is precompressed at
 * build time (web/precompress.ts) and the gateway picks brotli, then gzip, by Accept-Encoding, with
 * Content-Encoding and Vary set; a client that accepts neither gets the raw file. Prints the sizes.
 */
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const DIST = join(__dirname, '..', 'web', 'dist');
const origin = () => new URL(inject('gatewayUrl')).origin;
/** Each app's largest script and its style sheets, as URL paths (files under 1 kB are not compressed). */
function assets(app: string): string[] {
  const dir = join(DIST, app, 'assets');
  const bySize = (names: string[]) => names.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size);
  const names = readdirSync(dir);
  return [bySize(names.filter((n) => n.endsWith('.js')))[0]!, ...names.filter((n) => n.endsWith('.css'))].map((n) => `/${app}/assets/${n}`);
}
/** The bytes as sent (fetch would decode Content-Encoding). */
function raw(path: string, encoding: string): Promise<{ status: number; encoding?: string; vary?: string; type?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin()}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          vary: res.headers.vary,
          type: res.headers['content-type'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(['playground', 'dashboard'])('the %s is served compressed', (app) => {
  it('brotli when accepted, else gzip, else the raw file: same content, Vary: Accept-Encoding, sizes reported', async () => {
    for (const path of assets(app)) {
      const plain = await raw(path, 'identity');
      const br = await raw(path, 'gzip, deflate, br');
      const gz = await raw(path, 'gzip');
      expect([plain.status, br.status, gz.status], path).toEqual([200, 200, 200]);
      expect(plain.encoding, path).toBeUndefined();
      expect(br.encoding, path).toBe('br');
      expect(gz.encoding, path).toBe('gzip');
      for (const r of [br, gz]) {
        expect(r.vary, path).toMatch(/accept-encoding/i);
        expect(r.type?.toLowerCase(), path).toBe(plain.type?.toLowerCase());
      }
      expect(brotliDecompressSync(br.body).equals(plain.body), `${path} brotli content`).toBe(true);
      expect(gunzipSync(gz.body).equals(plain.body), `${path} gzip content`).toBe(true);
      expect(br.body.length, path).toBeLessThan(gz.body.length);
      expect(gz.body.length, path).toBeLessThan(plain.body.length);
      // Scripts shrink to well under half; a style sheet with fonts inlined (the playground's) shrinks less.
      if (path.endsWith('.js')) expect(br.body.length, path).toBeLessThan(plain.body.length / 2);
      console.log(`${path}: ${plain.body.length} bytes raw, ${gz.body.length} gzip, ${br.body.length} brotli`);
    }
    const page = await raw(`/${app}/`, 'br');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<div id="root">');
  }, 120_000);
});
