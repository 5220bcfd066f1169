// vitest.config.mts runs most test files in one shared module graph per worker, which halves vitest's CPU
// time. A file that mocks a module or rewrites process.env would then leak into the files after it, and the
// failures would depend on which files happened to share a worker. This keeps every such file isolated.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_TESTS } from '../support/isolated-tests';

const ROOT = path.resolve(__dirname, '../..');

/** Process-wide changes that outlive the file that makes them. */
const LEAKS: { name: string; pattern: RegExp }[] = [
  { name: 'vi.mock / vi.doMock', pattern: /\bvi\.(do)?[mM]ock\(/ },
  { name: 'vi.resetModules', pattern: /\bvi\.resetModules\(/ },
  { name: 'vi.stubEnv', pattern: /\bvi\.stubEnv\(/ },
  {
    name: 'writes process.env',
    pattern: /process\.env(\.\w+|\[[^\]]+\])?\s*=(?!=)|delete process\.env|Object\.assign\(process\.env/,
  },
  { name: "Next's request runtime", pattern: /from '\.\/next-runtime'|import '\.\/next-runtime'/ },
];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const isIsolated = (file: string) => ISOLATED_TESTS.some((glob) => path.matchesGlob(file, glob));

/** A test file leaks if it, or a local helper it imports, matches one of LEAKS. */
function leaksOf(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const own = LEAKS.filter((leak) => leak.pattern.test(text)).map((leak) => leak.name);
  const helpers = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(file), `${match[1]}.ts`)))
    .filter((helper) => existsSync(path.join(ROOT, helper)));
  return [...own, ...helpers.flatMap((helper) => leaksOf(helper, seen))];
}

describe('vitest isolation', () => {
  const testFiles = [...filesUnder('tests'), ...filesUnder('simulator/test')].filter(
    (file) => file.endsWith('.test.ts') && !file.startsWith('tests/system/'),
  );

  it('finds the test files', () => {
    expect(testFiles.length).toBeGreaterThan(50);
  });

  it('isolates every file that mocks a module or rewrites process.env', () => {
    const unsafe = testFiles
      .filter((file) => !isIsolated(file))
      .map((file) => ({ file, leaks: [...new Set(leaksOf(file))] }))
      .filter(({ leaks }) => leaks.length > 0);
    expect(unsafe).toEqual([]);
  });

  it('would catch one', () => {
    expect(leaksOf('tests/integration/routes/checkout-fuzz.test.ts')).toContain("Next's request runtime");
    expect(leaksOf('tests/integration/auth/require-staff.test.ts')).toContain('vi.mock / vi.doMock');
    expect(isIsolated('tests/integration/auth/require-staff.test.ts')).toBe(true);
    expect(isIsolated('tests/unit/money.test.ts')).toBe(false);
  });
});
