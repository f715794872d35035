#!/usr/bin/env node
// Reads vitest JSON reports and prints one line: `tests: N passed, N failed`.
// Each failed test is named on stderr first, so the tail of a CI log says what broke.
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
  for (const suite of report.testResults ?? []) {
    const where = suite.name.replace(process.cwd() + '/', '');
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      console.error(`FAILED ${where}: ${firstLine(suite.message)}`);
    }
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'failed') console.error(`FAILED ${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
  }
  if ((report.numTotalTests ?? 0) === 0) {
    console.error(`test-summary: ${file} ran no test`);
    failed++;
  }
}
function firstLine(text) {
  return String(text ?? '').split('\n').find((line) => line.trim() !== '')?.slice(0, 300) ?? '';
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
