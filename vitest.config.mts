import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server environment; tests run server code directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'simulator/test/**/*.test.ts'],
    // Need a production build and start real processes: vitest.system.config.mts, after `next build`.
    exclude: ['tests/system/**', '**/node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/support/pglite-image-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
