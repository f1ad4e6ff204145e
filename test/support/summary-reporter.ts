/**
 * Prints one plain closing line, "N passed, N failed[, N skipped][, N files failed]", after vitest's
 * own report. A file whose setup failed (beforeAll) has every test skipped and none failed: it is
 * counted as a failed file, so the line never reads "0 failed" for a run that failed.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let failedFiles = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) failed++;
      if (module.state() === 'failed') failedFiles++;
    }
    const files = failedFiles ? `, ${failedFiles} file${failedFiles === 1 ? '' : 's'} failed` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${files}\n`);
  }
}
