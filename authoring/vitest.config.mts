// The authoring tests alone, without the federation the root config starts (they need no server):
// `npx vitest run --config authoring/vitest.config.mts`. `npm test` runs them too, with everything else.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['authoring/test/**/*.test.ts'], root: `${import.meta.dirname}/..`, testTimeout: 30_000 } });
