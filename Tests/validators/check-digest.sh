#!/usr/bin/env bash
# The email digest over real outputs: Python's email package on digest.eml (no defects, headers once,
# CRLF, lines <= 78 octets, format=flowed, one-click unsubscribe), the .txt files (width, UTF-8,
# page links, same titles as the message), and a byte-identical rerun.
# Also the samples in every other language (I18N_OUT): Content-Language, RFC 2047 subjects, widths of CJK text.
# Environment: TRIALEXPORT, OUT, SAMPLES_OUT, I18N_OUT (see run-all.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=Tests/DigestExportTests
base=$(sed -n 's/^baseURL: *//p' trialexport.yaml)
base=${base:-https://cleartrials.example.org/summaries/}
status=0
: "${I18N_OUT:?I18N_OUT must name the exported samples in other languages}"
for dir in "$OUT/digest" "$SAMPLES_OUT/digest" "$I18N_OUT/digest"; do
  python3 "$here/check_eml.py" "$dir/digest.eml" || status=1
  python3 "$here/check_txt.py" "$dir" "$base" || status=1
done
# Reruns give the same bytes (no clock in the Date header, the Message-ID or anywhere else).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$TRIALEXPORT" digest --quiet --input summaries --output "$tmp" >/dev/null
for f in "$OUT"/digest/*; do
  cmp "$f" "$tmp/digest/$(basename "$f")" || { echo "rerun differs: $f"; status=1; }
done
[ "$status" = 0 ] && echo "digest: ok"
exit "$status"
