#!/usr/bin/env bash
# `npm test`: every check the project has. Exits non-zero on any failure.
#
# Steps run in lanes side by side, because each alone leaves a core idle (issue 10 point 8):
#   1. checks: typecheck and lint (at the same time), then the production build and the bundle scan;
#      vitest: the unit and integration tests (two workers).
#   2. on that build, e2e: Playwright; system: the system tests (real `next start` processes).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-test-only-not-a-real-secret}"
OUT=.ci-out
mkdir -p "$OUT"
# "<start> <end> <step>" per step, so the summary can say where the minutes went.
: >"$OUT/steps.txt"

# step NAME COMMAND…: runs one step and records its times; the step's exit code is returned.
step() {
  local name=$1 start rc=0
  shift
  start=$(date +%s)
  echo "=== $name ($(date +%T))"
  "$@" || rc=$?
  echo "$start $(date +%s) $name" >>"$OUT/steps.txt"
  [ "$rc" -eq 0 ] || echo "=== $name FAILED (exit $rc)"
  return "$rc"
}

# lanes NAME FUNCTION [NAME FUNCTION …]: runs the functions side by side, each output line prefixed with [NAME],
# and fails if any of them failed.
lanes() {
  local pids=() failed=0 pid
  while [ $# -gt 0 ]; do
    ("$2" 2>&1 | sed -u "s/^/[$1] /") &
    pids+=($!)
    shift 2
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ "$failed" -eq 0 ] || echo "npm test: a step failed (its FAILED line is above)" >&2
  return "$failed"
}

# Commands are chained with &&: `set -e` does not apply inside a function that `step` runs.
typecheck() { node scripts/generate-vipps-types.mjs --check && npx tsc --noEmit; }
lint() { npx eslint . --max-warnings=0 && npx prettier --check . --log-level warn; }
type_and_lint() {
  # typegen writes next-env.d.ts and the route types, which tsc and type-aware lint both read.
  npx next typegen >/dev/null || return 1
  local rc=0
  step "typecheck" typecheck &
  local typecheck_pid=$!
  step "lint" lint || rc=1
  wait "$typecheck_pid" || rc=1
  return "$rc"
}
checks_lane() {
  # `next build` rewrites .next, whose route types tsc and ESLint read: it starts only after both.
  type_and_lint &&
    step "build" npx next build &&
    step "no secrets in the client bundles" npx tsx scripts/scan-secrets.ts bundles --report "$OUT/secrets-bundles.json"
}
vitest_lane() {
  step "vitest" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest.json"
}

step "browser" bash scripts/ensure-browser.sh

e2e() {
  rm -rf .data/e2e-pglite "$OUT/e2e-logs" && mkdir -p "$OUT/e2e-logs" || return 1
  # The servers log at info into $OUT/e2e-logs (playwright.config.ts); Playwright's own output goes there too.
  E2E_LOG_DIR="$OUT/e2e-logs" PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
    npx playwright test --reporter=line,json 2>&1 | tee "$OUT/e2e-logs/playwright.log"
}
system_tests() {
  step "system tests" npx vitest run --config vitest.system.config.mts \
    --reporter=default --reporter=json --outputFile.json="$OUT/system.json"
}
e2e_tests() { step "e2e" e2e; }

lanes checks checks_lane vitest vitest_lane
# Playwright runs on one worker and leaves the second core mostly idle; the system tests use their own ports
# and databases, so they take it.
lanes e2e e2e_tests system system_tests

step "no secrets in the e2e logs" npx tsx scripts/scan-secrets.ts logs "$OUT/e2e-logs" --report "$OUT/secrets-logs.json"

echo
node scripts/test-summary.mjs --vitest "$OUT/vitest.json" --vitest "$OUT/system.json" --playwright "$OUT/playwright.json" \
  --scan "$OUT/secrets-bundles.json" --scan "$OUT/secrets-logs.json" --steps "$OUT/steps.txt"
