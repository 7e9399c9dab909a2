#!/usr/bin/env bash
# Runs every Tests/validators/check-*.sh; each checks real outputs with an external validator.
# Environment: TRIALEXPORT, OUT (summaries/ exported), SAMPLES (200 sample sources), SAMPLES_OUT.
set -u
cd "$(dirname "$0")"
passed=0 failed=0
for check in check-*.sh; do
  [ -e "$check" ] || continue
  echo "== $check"
  if bash "$check"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $check"; fi
done
echo "validators: $passed passed, $failed failed"
# No check run is a failure too: a renamed folder or glob must not turn the validators into a silent pass.
[ "$passed" -gt 0 ] || { echo "run-all: no check-*.sh ran"; exit 1; }
[ "$failed" = 0 ]
