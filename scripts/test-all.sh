#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-test-only-not-a-real-secret}"
OUT=.ci-out
mkdir -p "$OUT"
step() { echo; echo "=== $* ($(date +%T))"; }

step "browser"
bash scripts/ensure-browser.sh

step "typecheck"
npx next typegen >/dev/null   # writes next-env.d.ts and route types, which type-aware lint needs too
node scripts/generate-vipps-types.mjs --check
npx tsc --noEmit

step "lint"
npx eslint . --max-warnings=0
npx prettier --check . --log-level warn

step "unit + integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest.json"

step "build"
npx next build

step "end-to-end tests (playwright)"
rm -rf .data/e2e-pglite
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" npx playwright test --reporter=line,json

step "summary"
node scripts/test-summary.mjs "$OUT/vitest.json" "$OUT/playwright.json"
