#!/usr/bin/env bash
# Makes sure Playwright has a Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own
# download; on Debian/Ubuntu without any of them, installs the distribution's chromium (needs root or sudo).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "No Chromium found: installing Debian's chromium package (about 1.5 minutes)..."
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Run 'npx playwright install chromium' or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
