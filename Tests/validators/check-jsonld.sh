#!/usr/bin/env bash
# JSON-LD outputs against the offline schema.org 30.0 vocabulary: every document, snippet and collection of the
# summaries/ library and of the 200-summary sample must pass `check-jsonld --strict` (errors and warnings fail).
# Environment (from `make checks`): OUT, SAMPLES_OUT, I18N_OUT (samples in every other language). Exits non-zero and prints the failures otherwise.
# The validator and its vocabulary are vendored in jsonld/ (see jsonld/NOTE.md).
set -euo pipefail

tool="$(cd "$(dirname "$0")" && pwd)/jsonld/tools/check-jsonld"
if [ ! -x "$tool" ]; then echo "check-jsonld: validator not found at $tool"; exit 1; fi

files=()
for dir in "${OUT:?OUT not set}" "${SAMPLES_OUT:?SAMPLES_OUT not set}" "${I18N_OUT:?I18N_OUT not set}"; do
  if [ ! -d "$dir/jsonld" ]; then echo "check-jsonld: $dir/jsonld is missing"; exit 1; fi
  shopt -s nullglob
  found=("$dir"/jsonld/*.jsonld "$dir"/jsonld/*.html)
  shopt -u nullglob
  if [ "${#found[@]}" = 0 ]; then echo "check-jsonld: no JSON-LD outputs in $dir/jsonld"; exit 1; fi
  [ -f "$dir/jsonld/collection.jsonld" ] || { echo "check-jsonld: $dir/jsonld/collection.jsonld is missing"; exit 1; }
  files+=("${found[@]}")
done

# One snippet per summary document, each with exactly one ld+json script (checklist D1).
for html in "${files[@]}"; do
  case "$html" in *.html)
    n=$(grep -c 'type="application/ld+json"' "$html" || true)
    [ "$n" = 1 ] || { echo "check-jsonld: $html has $n ld+json scripts, expected 1"; exit 1; } ;;
  esac
done

# --quiet keeps the log to errors; the last line is the "N passed, N failed" summary.
out=$("$tool" --strict --quiet "${files[@]}") && status=0 || status=$?
printf '%s\n' "$out" | tail -n 40
exit "$status"
