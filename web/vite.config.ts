/**
 * Two static apps, each built on its own into dist/<app>/ with base /<app>/ (the gateway serves
 * web/dist/playground at /playground and web/dist/dashboard at /dashboard, see WEB_APPS in
 * gateway/src/web-apps.ts). Select the app with the mode: `vite build --mode playground`.
 * Everything is bundled: the apps load nothing from outside the gateway.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const APPS = ['playground', 'dashboard'] as const;

export default defineConfig(({ mode }) => {
  const app = (APPS as readonly string[]).includes(mode) ? mode : 'dashboard';
  const outDir = resolve(here, 'dist', app);
  return {
    root: resolve(here, app),
    base: `/${app}/`,
    // Vite 8 transforms TS/TSX with Oxc; React 17+ automatic JSX runtime (no React import needed).
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [precompress(outDir)],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 6000, // GraphiQL ships Monaco: a few MB, served locally, cached
      reportCompressedSize: false,
      rolldownOptions: {
        // React libraries' "use client" directives mean nothing in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
    // `vite --mode dashboard` (dev): /graphql goes to a running gateway; docs/queries is read from the repo root.
    server: { fs: { allow: [resolve(here, '..')] }, proxy: { '/graphql': process.env.GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000' } },
  };
});
