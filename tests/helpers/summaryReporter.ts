import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI can read; a file
 * that failed outside its tests (a hook, a browser that would not start) counts as failed too.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    let brokenFiles = 0;
    for (const module of testModules) {
      if (module.errors().length > 0) brokenFiles++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const extra = [
      brokenFiles > 0 ? `, ${brokenFiles} files failed outside their tests` : '',
      unhandledErrors.length > 0 ? `, ${unhandledErrors.length} unhandled errors` : '',
    ].join('');
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${extra}`);
  }
}
