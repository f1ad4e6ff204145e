/**
 * The main test configuration (same global setup: the whole federation on the embedded database when
 * DATABASE_URL is unset), running only the test that fails on purpose. `.ci/run` uses it to prove that
 * `npm test` exits non-zero when a test fails.
 */
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.mts';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/must-fail/**/*.test.ts'], exclude: ['**/node_modules/**'] } });
