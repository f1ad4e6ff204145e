/**
 * A Vite plugin that writes a gzip (.gz) and a brotli (.br) copy next to every text asset of a build,
 * so the gateway serves them precompressed (express-static-gzip, gateway/src/web-apps.ts) without
 * compressing on each request. Prints each app's total raw, gzip and brotli sizes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm|ttf)$/;
/** Smaller files are not worth a second request-path lookup. */
const MIN_BYTES = 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'samverkan-precompress',
    apply: 'build',
    closeBundle() {
      const total = { raw: 0, gzip: 0, brotli: 0 };
      for (const file of files(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = readFileSync(file);
        if (raw.length < MIN_BYTES) continue;
        const gz = gzipSync(raw, { level: 9 });
        const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
        writeFileSync(`${file}.gz`, gz);
        writeFileSync(`${file}.br`, br);
        total.raw += raw.length;
        total.gzip += gz.length;
        total.brotli += br.length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      console.log(`precompressed ${outDir}: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli`);
    },
  };
}
