#!/usr/bin/env bash
# Makes sure Playwright has a Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own
# download; on Debian/Ubuntu without any of them, installs the distribution's chromium (needs root or sudo).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if [ -x /usr/bin/chromium ]; then
  # Debian's headless shell runs the e2e specs in two thirds of the full browser's time (playwright.config.ts);
  # it comes from the same source package, so with chromium installed it is a few seconds more. Not fatal.
  if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get install -y -q chromium-headless-shell >/dev/null 2>&1 ||
      { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium-headless-shell >/dev/null; } ||
      echo "Could not install chromium-headless-shell: the e2e tests use /usr/bin/chromium (slower)." >&2
  fi
  exit 0
fi
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found: installing Debian's chromium and chromium-headless-shell (about 1.5 minutes)..."
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q chromium chromium-headless-shell >/dev/null
  exit 0
fi
echo "No Chromium found. Run 'npx playwright install chromium' or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
