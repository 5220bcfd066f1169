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
    testTimeout: 120_000,
    // Each file starts real processes in its hooks; on a loaded machine that has taken over 3 minutes.
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
