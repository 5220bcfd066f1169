import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Regression: db-drivers.ts began importing vitest (for the PGlite image), and `npm run bench` and `npm run soak`
// died at once ("Vitest cannot be imported in a CommonJS module"), since they load the same helpers with plain
// tsx. Every module those scripts import must load outside vitest.
const SCRIPT_MODULES = [
  'tests/integration/throwaway-postgres.ts',
  'tests/system/support/app-process.ts',
  'tests/system/support/soak.ts',
  'tests/system/support/soak-check.ts',
  'bench/first-load-js.ts',
];

describe('modules the bench and soak scripts import', () => {
  it('load with plain tsx, outside vitest', async () => {
    const code = `Promise.all(${JSON.stringify(SCRIPT_MODULES.map((m) => `./${m}`))}.map((m) => import(m)))`;
    const run = promisify(execFile)('npx', ['tsx', '--eval', code], { cwd: process.cwd(), timeout: 60_000 });
    await expect(run).resolves.toMatchObject({ stderr: '' });
  }, 90_000);
});
