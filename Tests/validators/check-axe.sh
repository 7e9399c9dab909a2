#!/usr/bin/env bash
# WCAG evaluation of the EPUBs (issue 12), run by run-all.sh from `make test`: axe-core 4.12 (bundled in PyPI
# axe-playwright-python 0.1.8) in headless Debian chromium driven by Selenium through /usr/bin/chromedriver,
# WCAG 2.0/2.1/2.2 A and AA rules plus best practices, over every XHTML content document of PATINA, the
# collection, 50 sample EPUBs and the samples' collection: 0 violations, which is what the OPF's
# `dcterms:conformsTo` claim rests on. First the check must fail on a copy with an image without alt text.
# Environment: OUT, SAMPLES_OUT; PATH with the venv's bin.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${OUT:?}" "${SAMPLES_OUT:?}"
python3 -c 'import selenium, axe_playwright_python' 2>/dev/null \
  || { echo "check-axe: the selenium and axe-playwright-python Python packages are missing (make venv)"; exit 1; }

files=("$OUT/epub/patina.epub" "$OUT/epub/collection.epub" "$SAMPLES_OUT/epub/collection.epub")
mapfile -t samples < <(find "$SAMPLES_OUT/epub" -name '*.epub' ! -name collection.epub | sort | head -n 50)
[ "${#samples[@]}" = 50 ] || { echo "check-axe: expected 50 sample EPUBs in $SAMPLES_OUT/epub, found ${#samples[@]}"; exit 1; }
for f in "${files[@]}"; do [ -f "$f" ] || { echo "check-axe: missing $f"; exit 1; }; done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/break_epub.py" "$OUT/epub/patina.epub" "$tmp/broken.epub" || exit 1
if python3 "$here/check_axe.py" "$tmp/broken.epub" >"$tmp/broken.log" 2>&1; then
  echo "check-axe: axe passes an EPUB with an image without alt text"; cat "$tmp/broken.log"; exit 1
fi
grep -q "image-alt" "$tmp/broken.log" || { echo "check-axe: the broken copy failed, but not on image-alt:"; cat "$tmp/broken.log"; exit 1; }

# One EPUB per other language (I18N_OUT), and their mixed-language collection.
: "${I18N_OUT:?I18N_OUT must name the exported samples in other languages}"
mapfile -t i18n < <(find "$I18N_OUT/epub" -name 'sample-*-1.epub' | sort)
[ "${#i18n[@]}" -ge 5 ] || { echo "check-axe: expected a sample EPUB per language in $I18N_OUT/epub, found ${#i18n[@]}"; exit 1; }
python3 "$here/check_axe.py" "${files[@]}" "${samples[@]}" "${i18n[@]}" "$I18N_OUT/epub/collection.epub"
