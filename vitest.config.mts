import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { ISOLATED_TESTS } from './tests/support/isolated-tests';

const ALL_TESTS = ['tests/**/*.test.ts', 'simulator/test/**/*.test.ts'];
// Need a production build and start real processes: vitest.system.config.mts, after `next build`.
const NEVER = ['tests/system/**', '**/node_modules/**'];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server environment; tests run server code directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    globalSetup: ['tests/support/pglite-image-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Worker threads, not vitest's default child processes: the same 860 tests took 192–198 CPU-s and 108–111 s
    // instead of 254 CPU-s and 139 s on 2 cores. Nothing here needs a process of its own: no
    // native addons, no process.chdir, and process.env changes stay in their thread.
    pool: 'threads',
    // vitest's default leaves one core idle (cores − 1); on a 2-core CI machine that halves the speed.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED_TESTS, exclude: NEVER, isolate: true } },
      {
        extends: true,
        test: { name: 'shared', include: ALL_TESTS, exclude: [...NEVER, ...ISOLATED_TESTS], isolate: false },
      },
    ],
  },
});
