// Read by vitest.config.mts.
/**
 * Files that mock modules (vi.mock, the Next request runtime in tests/integration/routes/next-runtime.ts) or
 * change process-wide state (process.env, the app's shared DB handle). They get a fresh module graph each, as vitest does by
 * default. Everything else shares one module graph per worker: re-importing Next, drizzle and PGlite for each
 * of ~90 files cost about half of vitest's CPU time (issue 10 point 8: 370 → 180 CPU-s).
 * tests/unit/vitest-isolation.test.ts keeps this list complete.
 */
export const ISOLATED_TESTS: string[] = [
  'tests/integration/routes/**/*.test.ts',
  'tests/unit/admin/*-routes.test.ts',
  'tests/unit/http/bench-route.test.ts',
  'tests/integration/auth/require-staff.test.ts',
];
