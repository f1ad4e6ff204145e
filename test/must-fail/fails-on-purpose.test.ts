/**
 * Fails on purpose, and is kept out of the normal suite (vitest.config.mts excludes test/must-fail/).
 * `.ci/run` runs it on the embedded database and requires `npm test` to exit non-zero: the proof that
 * the test command tells the truth on the README's default path.
 */
import { expect, it } from 'vitest';

it('fails on purpose', () => {
  expect(1).toBe(2);
});
