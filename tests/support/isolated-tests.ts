/**
 * Read by vitest.config.mts. Files that mock modules (vi.mock, the Next request runtime in
 * tests/integration/routes/next-runtime.ts) or rewrite process.env get a fresh module graph each, as vitest does
 * by default. Everything else shares one module graph per worker: re-importing Next, drizzle and PGlite for each of
 * ~90 files was most of vitest's overhead (measured with 2 workers: 196 s / 367 CPU-s → 114 s / 208 CPU-s).
 * tests/unit/vitest-isolation.test.ts keeps this list complete.
 */
export const ISOLATED_TESTS: string[] = [
  'tests/integration/routes/**/*.test.ts',
  'tests/unit/admin/*-routes.test.ts',
  'tests/unit/http/bench-route.test.ts',
  'tests/integration/auth/require-staff.test.ts',
];
