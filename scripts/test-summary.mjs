#!/usr/bin/env node
// Prints `N passed, N failed[, N skipped]` from Vitest's JSON report (.vitest/report.json).
// A missing or unreadable report counts as 0 tests, so an empty run is visible.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.vitest/report.json';
let report = {};
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.error(`test-summary: no readable report at ${path} (${error.code ?? error.message})`);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
