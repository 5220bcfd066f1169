import { existsSync } from 'node:fs';

/**
 * Browser: CHROMIUM_PATH wins; else Debian's chromium-headless-shell, else Debian's /usr/bin/chromium (machines
 * that cannot download browsers); else undefined, which means Playwright's own download (a laptop after
 * `npx playwright install`). The headless shell is what Playwright itself uses for headless runs: the full
 * browser in headless mode took 1.5× as long for the same specs on a 2-core machine. `--headed` needs
 * CHROMIUM_PATH=/usr/bin/chromium. Used by playwright.config.ts and bench/run.ts.
 */
const DEBIAN_BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export const chromiumPath: string | undefined =
  process.env.CHROMIUM_PATH ?? DEBIAN_BROWSERS.find((path) => existsSync(path));
