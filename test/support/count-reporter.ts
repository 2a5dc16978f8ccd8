import type { Reporter } from 'vitest/reporters';

/** Prints the closing line CI reads: "N passed, N failed" (", N skipped" when any were). */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<{ children: { allTests(): Iterable<{ result(): { state: string } }> } }>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
