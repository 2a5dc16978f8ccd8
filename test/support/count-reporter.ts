import type { Reporter } from 'vitest/reporters';

interface ModuleLike {
  state(): string;
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

/**
 * Prints the closing line CI reads: "N passed, N failed" (", N skipped" when any were).
 * A test file that fails to load, and an unhandled error, each count as one failure.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<ModuleLike>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      let tests = 0;
      for (const test of m.children.allTests()) {
        tests += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (tests === 0 && m.state() === 'failed') failed += 1;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
