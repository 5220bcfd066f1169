#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-test-only-not-a-real-secret}"
OUT=.ci-out
mkdir -p "$OUT"
# Each step's start time, so the summary can say where the minutes went.
: >"$OUT/steps.txt"
step() {
  echo; echo "=== $* ($(date +%T))"
  echo "$(date +%s) $*" >>"$OUT/steps.txt"
}

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

step "no secrets in the client bundles"
npx tsx scripts/scan-secrets.ts bundles --report "$OUT/secrets-bundles.json"

step "system tests: two instances on PostgreSQL, fault soak (vitest, real next start processes)"
npx vitest run --config vitest.system.config.mts --reporter=default --reporter=json --outputFile.json="$OUT/system.json"

step "end-to-end tests (playwright)"
rm -rf .data/e2e-pglite "$OUT/e2e-logs"
mkdir -p "$OUT/e2e-logs"
# The servers log at info into $OUT/e2e-logs (playwright.config.ts); Playwright's own output goes there too.
E2E_LOG_DIR="$OUT/e2e-logs" PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
  npx playwright test --reporter=line,json 2>&1 | tee "$OUT/e2e-logs/playwright.log"

step "no secrets in the e2e logs"
npx tsx scripts/scan-secrets.ts logs "$OUT/e2e-logs" --report "$OUT/secrets-logs.json"

step "summary"
node scripts/test-summary.mjs --vitest "$OUT/vitest.json" --vitest "$OUT/system.json" --playwright "$OUT/playwright.json" \
  --scan "$OUT/secrets-bundles.json" --scan "$OUT/secrets-logs.json" --steps "$OUT/steps.txt"
