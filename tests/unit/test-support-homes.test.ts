// Each test concept has one home, so a change to it is made once: the simulator's control API is driven through
// the client its package exports (simulator/src/control/client.ts), the demo staff logins are read from
// lib/server/env/demo-staff.ts, and every Playwright spec takes `test` from e2e/support/fixtures.ts. A second
// hand-written `/_sim` client or a retyped password drifts silently when the routes or the seed change.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '@/lib/server/env/demo-staff';

const ROOT = process.cwd();
/**
 * The app's test trees and scripts. simulator/test is not among them: it tests the control routes themselves, so it
 * calls them raw to see each status (400, 404, 409), next to the package client it uses for everything else.
 */
const TEST_TREES = ['e2e', 'tests', 'bench', 'scripts'];
const THIS_FILE = 'tests/unit/test-support-homes.test.ts'; // names the patterns it looks for

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const relative = path.posix.join(folder, name);
    if (name === 'node_modules') return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|mts|mjs)$/.test(name) ? [relative] : [];
  });
}

const files = TEST_TREES.flatMap(sourceFiles)
  .filter((file) => file !== THIS_FILE)
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** A URL built to a control route: `${base}/_sim…`, `http://…/_sim…`, or a quoted path '/_sim/…'. */
const HAND_WRITTEN_CONTROL_CALL = /\$\{[^}]+\}\/_sim\b|https?:\/\/[^'"`\s]*\/_sim\b|['"`]\/_sim\/[a-z]/;

describe('one home per test concept', () => {
  it('the test trees reach /_sim only through the simulator package’s control client', () => {
    const offenders = files.filter(({ text }) => HAND_WRITTEN_CONTROL_CALL.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('no test retypes a demo staff password', () => {
    const passwords = DEMO_STAFF.map((account) => account.password);
    const offenders = files
      .filter(({ text }) => passwords.some((password) => text.includes(password)))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('every Playwright spec takes test and expect from e2e/support/fixtures.ts', () => {
    const specs = files.filter(({ file }) => /^e2e\/[^/]+\.spec\.ts$/.test(file));
    expect(specs.length).toBeGreaterThan(10);
    const offenders = specs
      .filter(({ text }) => !/import \{[^}]*\btest\b[^}]*\} from '\.\/support\/fixtures'/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
