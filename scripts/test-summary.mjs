// Prints one "tests: N passed, N failed, N skipped" line from the vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs';

const [vitestPath, playwrightPath] = process.argv.slice(2);
const v = JSON.parse(readFileSync(vitestPath, 'utf8'));
const p = JSON.parse(readFileSync(playwrightPath, 'utf8'));
const passed = v.numPassedTests + (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
const failed = v.numFailedTests + (p.stats.unexpected ?? 0);
const skipped = v.numPendingTests + v.numTodoTests + (p.stats.skipped ?? 0);
console.log(`unit+integration: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
console.log(`e2e: ${p.stats.expected} passed, ${p.stats.unexpected} failed, ${p.stats.flaky ?? 0} flaky`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exit(1);
