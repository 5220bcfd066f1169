// Prints one "tests: N passed, N failed, N skipped" line from the vitest and Playwright JSON reports, after a line
// per secrets scan (scripts/scan-secrets.ts reports; they are checks, not tests, so they are not counted in it).
// With --steps (scripts/test-all.sh writes "<start> <end> <step name>" per step), also a line of time per step.
//   node scripts/test-summary.mjs --vitest a.json [--vitest b.json] --playwright p.json [--scan s.json ...] [--steps t]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    vitest: { type: 'string', multiple: true, default: [] },
    playwright: { type: 'string' },
    scan: { type: 'string', multiple: true, default: [] },
    steps: { type: 'string' },
  },
});
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of values.vitest) {
  const v = read(path);
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  console.log(`vitest (${path}): ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
}
if (values.playwright) {
  const p = read(values.playwright);
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
  console.log(`e2e: ${p.stats.expected} passed, ${p.stats.unexpected} failed, ${p.stats.flaky ?? 0} flaky`);
}
const scans = values.scan.map(read);
for (const scan of scans) {
  console.log(
    `secrets scan (${scan.mode}): ${scan.files} files, ${scan.hits.length} hits, ${scan.ok ? 'ok' : 'FAILED'}`,
  );
}
if (values.steps) console.log(stepTimes(readFileSync(values.steps, 'utf8')));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0 || scans.some((scan) => !scan.ok)) process.exit(1);

/**
 * "time: typecheck 28 s · lint 1m06s · … · total 7m30s" from test-all.sh's "<start> <end> <step>" lines. Steps
 * in the two lanes overlap, so the total is the wall time from the first start until now, not their sum.
 */
function stepTimes(text) {
  const steps = text
    .split('\n')
    .map((line) => /^(\d+) (\d+) (.+)$/.exec(line))
    .filter(Boolean)
    .map(([, start, end, name]) => ({ start: Number(start), end: Number(end), name }));
  const now = Math.round(Date.now() / 1000);
  const format = (s) => (s < 60 ? `${s} s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`);
  const parts = steps.map((step) => `${step.name} ${format(step.end - step.start)}`);
  const first = Math.min(now, ...steps.map((step) => step.start));
  return `time: ${parts.join(' · ')} · total ${format(now - first)}`;
}
