import { defineConfig, devices } from '@playwright/test';

import { chromiumPath } from './e2e/support/browser-path';
import { APP_PORT, APP_URL, SIM_PORT, SIM_URL } from './e2e/support/servers';

/**
 * With E2E_LOG_DIR set (npm test sets it), both servers log at info into files there, which
 * scripts/scan-secrets.ts then searches for secrets and tokens; without it they log
 * warnings to this console as before.
 */
const logDir = process.env.E2E_LOG_DIR;
const logTo = (command: string, file: string) => (logDir ? `${command} >> ${logDir}/${file} 2>&1` : command);
const logLevel = logDir ? 'info' : 'warn';

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    // Recording a trace of every test cost a third of the e2e run's CPU on 2 cores; in CI only a retry records one.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          // --no-sandbox: CI runs as root. The rest stop Chromium from dialling Google on a closed network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: 'vipps-sim',
      command: logTo('node --import tsx simulator/src/main.ts', 'simulator.log'),
      url: `${SIM_URL}/_sim/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
      env: { SIM_PORT: String(SIM_PORT), SIM_PUBLIC_URL: SIM_URL, SIM_LOG_LEVEL: logLevel },
    },
    {
      name: 'shop',
      command: logTo(`npx next start -p ${APP_PORT}`, 'shop.log'), // needs a prior `next build` (npm test does it)
      url: `${APP_URL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        VIPPS_BASE_URL: SIM_URL,
        PUBLIC_BASE_URL: APP_URL,
        NEXTAUTH_URL: APP_URL,
        PGLITE_DIR: '.data/e2e-pglite', // its own folder: PGlite must never be opened by two processes
        DATABASE_URL: '',
        // Fast enough for the "no webhook, no shopper" specs to see the reconciler settle a payment.
        RECONCILE_INTERVAL_MS: '1000',
        RECONCILE_MIN_AGE_MS: '3000',
        // The specs play the part of one reverse proxy: they say which address a request comes from with
        // X-Forwarded-For (sign-in-throttle.spec.ts gives each test its own). Without a proxy (the default, 0) the
        // shop ignores that header; tests/system/sessions-and-limits.test.ts checks that against next start.
        TRUSTED_PROXY_COUNT: '1',
        // The specs start several dozen checkouts from 127.0.0.1, some minutes more than ten; the limit itself is
        // checked in tests/system/sessions-and-limits.test.ts.
        CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000',
        LOG_LEVEL: logLevel,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
