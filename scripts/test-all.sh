#!/usr/bin/env bash
# `npm test`: every check the project has. Exits non-zero on any failure.
#
# The machine has two cores and every step needs CPU, so the steps are ordered by the critical path, which is
# the production build and then Playwright:
#   checks: production build → e2e beside typecheck ∥ lint, the system tests and the bundle scan;
#   vitest: the unit and integration tests, from the start.
# Everything off the critical path runs at a lower CPU priority (nice 10, see yield_cpu), so it mostly fills the
# time the build and the browser leave idle instead of slowing them.
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
# Lowers the CPU priority of the calling lane and of everything it starts from now on (best effort). Not 19:
# at the lowest priority the fuzz tests, starved beside Playwright, ran past their timeouts.
yield_cpu() { renice -n 10 -p "$BASHPID" >/dev/null 2>&1 || true; }
typecheck_step() { step "typecheck" typecheck; }
lint_step() { step "lint" lint; }
static_checks() { yield_cpu && lanes typecheck typecheck_step lint lint_step; }
# tsc checks every file with the same tsconfig beside the e2e run, so the build skips its own type check
# (next.config.mjs), and a type error still fails npm test.
build_step() { step "build" env NEXT_BUILD_SKIP_TYPECHECK=1 npx next build; }
bundle_scan() {
  yield_cpu &&
    step "no secrets in the client bundles" npx tsx scripts/scan-secrets.ts bundles --report "$OUT/secrets-bundles.json"
}

e2e() {
  rm -rf .data/e2e-pglite "$OUT/e2e-logs" && mkdir -p "$OUT/e2e-logs" || return 1
  # The servers log at info into $OUT/e2e-logs (playwright.config.ts); Playwright's own output goes there too.
  E2E_LOG_DIR="$OUT/e2e-logs" PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
    npx playwright test --reporter=line,json 2>&1 | tee "$OUT/e2e-logs/playwright.log"
}
e2e_step() { step "e2e" e2e; }
# The system tests start their own `next start` processes on their own ports and databases.
system_step() {
  yield_cpu &&
    step "system tests" npx vitest run --config vitest.system.config.mts \
      --reporter=default --reporter=json --outputFile.json="$OUT/system.json"
}
checks_lane() {
  # typegen writes next-env.d.ts and the route types, which tsc and type-aware lint read; `next build` rewrites
  # them, so those two start only after it.
  npx next typegen >/dev/null &&
    build_step &&
    lanes e2e e2e_step static static_checks system system_step bundles bundle_scan
}
vitest_lane() {
  yield_cpu &&
    step "vitest" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest.json"
}

step "browser" bash scripts/ensure-browser.sh
lanes checks checks_lane vitest vitest_lane

step "no secrets in the e2e logs" npx tsx scripts/scan-secrets.ts logs "$OUT/e2e-logs" --report "$OUT/secrets-logs.json"

echo
node scripts/test-summary.mjs --vitest "$OUT/vitest.json" --vitest "$OUT/system.json" --playwright "$OUT/playwright.json" \
  --scan "$OUT/secrets-bundles.json" --scan "$OUT/secrets-logs.json" --steps "$OUT/steps.txt"
