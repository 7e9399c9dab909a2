#!/usr/bin/env bash
# Shows that every validator can fail: each Tests/validators/check-*.sh is run on damaged copies of the outputs
# and samples it checks (every file cut to half its length) and must exit non-zero. A check that passes broken
# input proves nothing, so this fails the run. run-all.sh with no checks to run must fail too.
# Environment: as run-all.sh (TRIALEXPORT, OUT, SAMPLES, SAMPLES_OUT; RECORDS for check-import.sh); called by `make checks`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${OUT:?}" "${SAMPLES:?}" "${SAMPLES_OUT:?}" "${TRIALEXPORT:?}"
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
records="$here/../CTGovImportTests/Fixtures/records"   # check-import.sh's input
for name in out samples samples-out records; do
  case $name in out) src=$OUT;; samples) src=$SAMPLES;; samples-out) src=$SAMPLES_OUT;; records) src=$records;; esac
  cp -r "$src" "$broken/$name"
  find "$broken/$name" -type f ! -name manifest.json -print0 | while IFS= read -r -d '' f; do
    truncate -s $(( $(stat -c %s "$f") / 2 )) "$f"
  done
done

status=0 checked=0
for check in "$here"/check-*.sh; do
  checked=$((checked + 1))
  if OUT="$broken/out" SAMPLES="$broken/samples" SAMPLES_OUT="$broken/samples-out" RECORDS="$broken/records" bash "$check" >"$broken/log" 2>&1; then
    echo "selftest: $(basename "$check") PASSED on broken input"; tail -n 5 "$broken/log"; status=1
  else
    echo "selftest: $(basename "$check") fails on broken input, as it must"
  fi
done
[ "$checked" -gt 0 ] || { echo "selftest: no check-*.sh found"; exit 1; }

# run-all.sh in a folder without checks must fail, not report "0 passed, 0 failed" as success.
empty="$broken/empty" && mkdir "$empty" && cp "$here/run-all.sh" "$empty/"
if bash "$empty/run-all.sh" >/dev/null 2>&1; then echo "selftest: run-all.sh passed with no checks"; status=1
else echo "selftest: run-all.sh fails when it runs no check, as it must"; fi
exit "$status"
