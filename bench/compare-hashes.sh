#!/usr/bin/env bash
# Byte-identity guard for optimisations: exports the 1,000-sample library (`trialexport sample --count 1000
# --seed 1`) and summaries/ (PATINA) in every format and every layout in layouts/, and records or checks the
# SHA-256 of every output. manifest.json is left out: it holds the executable's hash, which every build changes.
#
# Usage: bench/compare-hashes.sh BINARY record [FILE]   (default FILE: .build/output-hashes.txt)
#        bench/compare-hashes.sh BINARY check  [FILE]   (exit 1 and list the files whose bytes changed)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1"); mode=$2; file=${3:-.build/output-hashes.txt}
work=$(mktemp -d /tmp/trialexport-hashes.XXXXXX)
trap 'rm -rf "$work"' EXIT
layouts=()
for f in layouts/*.yaml; do layouts+=(--layout "$(basename "$f" .yaml)"); done
"$bin" sample --count 1000 --seed 1 --output "$work/samples" >/dev/null
"$bin" all --quiet --input "$work/samples" --output "$work/out/samples" "${layouts[@]}"
"$bin" all --quiet --input summaries --output "$work/out/summaries" "${layouts[@]}"
(cd "$work/out" && find . -type f ! -name manifest.json ! -name '.trialexport.lock' -print0 | sort -z | xargs -0 sha256sum) > "$work/hashes.txt"
count=$(wc -l < "$work/hashes.txt")
case "$mode" in
  record)
    mkdir -p "$(dirname "$file")" && cp "$work/hashes.txt" "$file"
    echo "compare-hashes: recorded $count outputs in $file" ;;
  check)
    if diff <(awk '{print $2, $1}' "$file") <(awk '{print $2, $1}' "$work/hashes.txt") > "$work/diff"; then
      echo "compare-hashes: all $count outputs byte-identical to $file"
    else
      echo "compare-hashes: outputs differ from $file:"
      grep '^[<>]' "$work/diff" | awk '{print $2}' | sort | uniq -c | awk '{print "  " $2 ($1 == 1 ? " (added or removed)" : " (changed)")}' | awk 'NR <= 50'
      echo "  ($(grep -c '^>' "$work/diff" || true) lines new/changed)"
      exit 1
    fi ;;
  *) echo "usage: $0 BINARY record|check [FILE]" >&2; exit 2 ;;
esac
