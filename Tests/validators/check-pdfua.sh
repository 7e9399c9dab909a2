#!/usr/bin/env bash
# PDF/UA-1 (ISO 14289-1) of the handouts (issue 12), run by run-all.sh from `make test`:
#  1. PyPI `pdfua` (machine-checkable PDF/UA-1 subset on pikepdf) through run_pdfua.py: no finding at any
#     severity and no rule skipped;
#  2. check_pdfua.py (pikepdf): the handout's own claims, items 1-8 of issue 12, including "every text-showing
#     operator lies in tagged marked content or an Artifact";
#  3. qpdf --check clean;
# over PATINA in every layout in layouts/ and 100 sample handouts of each layout `all` wrote. First, each checker
# must fail on deliberately broken copies (a Figure without /Alt, no /Lang, untagged text), so none passes
# vacuously. A missing checker fails the run.
# Environment: OUT, SAMPLES_OUT, TRIALEXPORT; PATH with the venv's bin.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
: "${OUT:?}" "${SAMPLES_OUT:?}" "${TRIALEXPORT:?}"
fail=0
problem() { echo "check-pdfua: $*"; fail=1; }

python3 -c 'import pdfua, pikepdf' 2>/dev/null || { echo "check-pdfua: the pdfua and pikepdf Python packages are missing (make venv)"; exit 1; }
command -v qpdf >/dev/null || { echo "check-pdfua: qpdf is missing"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# PATINA and its Spanish translation in every layout, not only those `all` renders.
layouts=()
for f in layouts/*.yaml; do layouts+=(--layout "$(basename "$f" .yaml)"); done
"$TRIALEXPORT" pdf --quiet "${layouts[@]}" --output "$tmp/patina" summaries/patina.yaml summaries/patina-es.yaml >/dev/null \
  || problem "rendering PATINA failed"
files=("$tmp"/patina/pdf/*/patina.pdf "$tmp"/patina/pdf/*/patina-es.pdf)
[ "${#files[@]}" -ge 3 ] || problem "expected PATINA in at least 3 layouts, found ${#files[@]}"
# The fictional Arabic (right to left) and Chinese fixtures in every layout (issue 19).
"$TRIALEXPORT" pdf --quiet "${layouts[@]}" --output "$tmp/scripts" Tests/fixtures/languages/wadi-ar.yaml \
  Tests/fixtures/languages/wadi-zh.yaml >/dev/null || problem "rendering the Arabic and Chinese fixtures failed"
scripts=("$tmp"/scripts/pdf/*/wadi-*.pdf)
[ "${#scripts[@]}" -ge 6 ] || problem "expected the Arabic and Chinese fixtures in at least 3 layouts, found ${#scripts[@]}"
files+=("${scripts[@]}")
samples=0
for dir in "$SAMPLES_OUT"/pdf/*/; do
  mapfile -t some < <(find "$dir" -name '*.pdf' | sort | head -n 100)
  [ "${#some[@]}" = 100 ] || problem "expected 100 sample handouts in $dir, found ${#some[@]}"
  files+=("${some[@]}")
  samples=$((samples + ${#some[@]}))
done

# One sample per other language and layout (I18N_OUT), right to left and Chinese included.
: "${I18N_OUT:?I18N_OUT must name the exported samples in other languages}"
mapfile -t i18n < <(find "$I18N_OUT/pdf" -name 'sample-*-1.pdf' | sort)
[ "${#i18n[@]}" -ge 15 ] || problem "expected a sample handout per language and layout in $I18N_OUT/pdf, found ${#i18n[@]}"
files+=("${i18n[@]}")

# Each checker must catch each broken copy.
patina="$tmp/patina/pdf/a4/patina.pdf"
for mode in no-alt no-lang untagged-text; do
  python3 "$here/break_pdf.py" "$patina" "$tmp/broken-$mode.pdf" "$mode" || problem "could not write the $mode copy"
  python3 "$here/check_pdfua.py" "$tmp/broken-$mode.pdf" >/dev/null && problem "check_pdfua.py passes a broken file ($mode)"
  python3 "$here/run_pdfua.py" "$tmp/broken-$mode.pdf" >/dev/null && problem "pdfua passes a broken file ($mode)"
done

python3 "$here/run_pdfua.py" "${files[@]}" | tail -n 40 || problem "pdfua found problems"
python3 "$here/check_pdfua.py" "${files[@]}" | tail -n 40 || problem "check_pdfua.py found problems"
for f in "${files[@]}"; do
  qpdf --check "$f" >/dev/null 2>&1 || problem "$f: qpdf --check failed"
done

[ "$fail" = 0 ] && echo "check-pdfua: ${#files[@]} handouts (PATINA and the Arabic and Chinese fixtures in every layout, $samples samples, ${#i18n[@]} in other languages): pdfua, check_pdfua.py, qpdf --check: 0 failures; broken copies caught"
exit "$fail"
