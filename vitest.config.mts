import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for every file vitest loads ("from another module or realm" otherwise).
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: [
      'contract/test/**/*.test.ts',
      'web/test/**/*.test.ts',
      'authoring/test/**/*.test.ts',
      'shared/test/**/*.test.ts',
      'subgraphs/*/test/**/*.test.ts',
      'gateway/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // test/must-fail/ holds a test that fails on purpose: .ci/run runs it with its own config.
    exclude: ['**/node_modules/**', 'test/must-fail/**'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['test/global-setup.ts'],
    // Federation tests share one running federation; files that stop services run on their own ports.
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
