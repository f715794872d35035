#!/usr/bin/env node
// Reads vitest JSON reports and prints one line: `tests: N passed, N failed`.
// A report that is missing or ran no test counts as a failure, so an empty run cannot pass.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`test-summary: ${file} is missing (the run did not finish)`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A suite that failed to load has no failed test of its own: count it as one.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  failed += (report.numFailedTests ?? 0) + brokenSuites;
  if ((report.numTotalTests ?? 0) === 0) {
    console.error(`test-summary: ${file} ran no test`);
    failed++;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
