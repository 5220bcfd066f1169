import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// System tests run the built app as real processes (`next start`): after `next build`, apart from the unit and
// integration tests (scripts/test-all.sh). Standalone rather than merged with vitest.config.mts, whose
// `exclude` would otherwise be concatenated in and exclude these very files.
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/system/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    // Each file starts real processes in its hooks; on a loaded machine one start has taken over 3
    // minutes, and a file may start a simulator and two apps.
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
