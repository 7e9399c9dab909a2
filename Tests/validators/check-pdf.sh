#!/usr/bin/env bash
# PDF handouts checked with poppler and qpdf (docs: formats checklist §A): PATINA in every layout `all` wrote,
# a 20-file subset of the sample outputs, and one rebuild with no system fonts at all, which must be
# byte-identical (fonts come only from fonts/).
set -euo pipefail
: "${OUT:?}" "${SAMPLES_OUT:?}" "${TRIALEXPORT:?}"
cd "$(dirname "$0")/../.."
fail=0
problem() { echo "check-pdf: $*"; fail=1; }

check_file() {   # file, expected page-size text
  local f=$1 size=$2
  qpdf --check "$f" >/dev/null 2>&1 || problem "$f: qpdf --check failed"
  local fonts; fonts=$(pdffonts "$f" | awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes")')
  [ -z "$fonts" ] || problem "$f: font not embedded, subset and Unicode-mapped: $fonts"
  local info; info=$(pdfinfo -isodates "$f")
  grep -q '^Tagged: *yes' <<<"$info" || problem "$f: not tagged"
  grep -q "^Page size: *$size" <<<"$info" || problem "$f: page size is not $size"
  grep -q '^Creator: *trialexport ' <<<"$info" || problem "$f: Creator is not trialexport"
  grep -q '^CreationDate: *[0-9]\{4\}-' <<<"$info" || problem "$f: no CreationDate"
  local pages; pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
  # Text first, then grep: `grep -q` closing the pipe early would fail pdftotext under pipefail.
  # Bidi marks and spaces removed on both sides: poppler moves the spaces around right-to-left numbers.
  local last; last=$(pdftotext -f "$pages" -l "$pages" "$f" - | perl -CSD -pe 's/[\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\s]//g')
  local label; label=$(page_label "$f" "$pages")
  # poppler gives Arabic in logical or in visual order ("4 من 4 الصفحة"), by the line.
  local visual; visual=$(awk '{ for (i = NF; i > 0; i--) printf "%s", $i }' <<<"$label")
  grep -qF -e "${label// /}" -e "$visual" <<<"$last" || problem "$f: last page lacks '$label'"
}

# "Page N of N" in the handout's language (the catalogues' key pageOf), told by the file or folder name.
page_label() {   # file, page count
  case "$1" in
    *-es.pdf|*sample-es-*) echo "Página $2 de $2";;
    *sample-fr-*) echo "Page $2 sur $2";;
    *sample-de-*) echo "Seite $2 von $2";;
    *-ar.pdf|*sample-ar-*) echo "الصفحة $2 من $2";;
    *-zh.pdf|*sample-zh-*) echo "第$2页，共$2页";;
    *) echo "Page $2 of $2";;
  esac
}

# Every word inside the margins (20 mm; 25.4 mm in large print), with 1 pt for rounding.
check_margins() {   # file, margin in pt[, extra room above and below in pt]
  local boxes; boxes=$(pdftotext -bbox "$1" -)
  awk -v m="$2" -v f="$1" -v v="${3:-0}" '
    /<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0
               match($0, /height="[0-9.]+"/); h = substr($0, RSTART + 8, RLENGTH - 9) + 0 }
    /<word / { split($0, a, "\""); x0 = a[2]; y0 = a[4]; x1 = a[6]; y1 = a[8]
               if (x0 < m - 1 || y0 < m - v - 1 || x1 > w - m + 1 || y1 > h - m + v + 1) { print f ": outside the margins: " $0; bad = 1; exit } }
    END { exit bad }' <<<"$boxes" || fail=1
}

margin_for() { case "$1" in large-print) echo 72;; *) echo 56.69;; esac; }

size_for() { case "$1" in letter) echo "612 x 792 pts (letter)";; *) echo "595.276 x 841.89 pts (A4)";; esac; }

shopt -s nullglob
patinas=("$OUT"/pdf/*/patina.pdf)
[ ${#patinas[@]} -ge 2 ] || problem "expected PATINA in at least two layouts under $OUT/pdf, found ${#patinas[@]}"
for f in "${patinas[@]}"; do
  layout=$(basename "$(dirname "$f")")
  check_file "$f" "$(size_for "$layout")"
  check_margins "$f" "$(margin_for "$layout")"
  text=$(pdftotext "$f" -)
  for n in 518 44.3 29.1 0.75 79.7 30.6 10.0 3.6 NCT02947685; do
    grep -qF "$n" <<<"$text" || problem "$f: number $n missing from the text"
  done
  urls=$(pdfinfo -url "$f")
  grep -qF "https://clinicaltrials.gov/study/NCT02947685" <<<"$urls" || problem "$f: registry link missing"
done

# PATINA's Spanish translation: the same numbers with decimal commas, and the registry link.
spanish=("$OUT"/pdf/*/patina-es.pdf)
[ ${#spanish[@]} -ge 2 ] || problem "expected patina-es in at least two layouts under $OUT/pdf, found ${#spanish[@]}"
for f in "${spanish[@]}"; do
  layout=$(basename "$(dirname "$f")")
  check_file "$f" "$(size_for "$layout")"
  check_margins "$f" "$(margin_for "$layout")"
  text=$(pdftotext "$f" -)
  # The brief leaves the grade 4 side effects (10,0 and 3,6) out in Spanish (brief.leaveOut: longer words).
  case "$layout" in brief-*) numbers="518 44,3 29,1 0,75 79,7 30,6 NCT02947685";; *) numbers="518 44,3 29,1 0,75 79,7 30,6 10,0 3,6 NCT02947685";; esac
  for n in $numbers; do
    grep -qF "$n" <<<"$text" || problem "$f: number $n missing from the text"
  done
done

# The fictional Arabic (right to left) and Chinese fixtures in every layout (issue 19): the same checks, the
# script's font embedded as a subset, and the text recovered by pdftotext (bidi marks removed; words without
# lam-alef ligatures, whose letters poppler reverses in right-to-left text).
scripts_out=$(mktemp -d)
layouts=()
for f in layouts/*.yaml; do layouts+=(--layout "$(basename "$f" .yaml)"); done
"$TRIALEXPORT" pdf --quiet "${layouts[@]}" --output "$scripts_out" Tests/fixtures/languages/wadi-ar.yaml \
  Tests/fixtures/languages/wadi-zh.yaml >/dev/null || problem "rendering the Arabic and Chinese fixtures failed"
scripts=0
for f in "$scripts_out"/pdf/*/wadi-*.pdf; do
  layout=$(basename "$(dirname "$f")")
  case "$layout" in letter|brief-letter) size="612 x 792 pts (letter)";; *) size="595.276 x 841.89 pts (A4)";; esac
  check_file "$f" "$size"
  # poppler boxes an Arabic word with Noto Sans Arabic's font-wide ascent and descent (1.374 and 0.738 em, room
  # for stacked marks), up to 7 pt above the ink of the 24 pt title at a page's top: vertical room, never sideways.
  case "$f" in *wadi-ar.pdf) check_margins "$f" "$(margin_for "$layout")" 8;; *) check_margins "$f" "$(margin_for "$layout")";; esac
  case "$f" in
    *wadi-ar.pdf) font=NotoSansArabic-Regular; words="فيلوراسيب دراسة الرئة 412 14.2 NCT09999901";;
    *) font=NotoSansCJKsc-Regular; words="维洛拉西布 肺癌 412 14.2 NCT09999902";;
  esac
  pdffonts "$f" | grep -q "+$font " || problem "$f: $font is not embedded as a subset"
  text=$(pdftotext "$f" - | perl -CSD -pe 's/[\x{202A}-\x{202E}]//g')
  for w in $words; do grep -qF "$w" <<<"$text" || problem "$f: '$w' missing from the text"; done
  scripts=$((scripts + 1))
done
rm -rf "$scripts_out"
[ "$scripts" -ge 6 ] || problem "expected the Arabic and Chinese fixtures in at least 3 layouts, found $scripts"

# A spread of the samples (2–4 arms, long titles, non-ASCII names): every 20th file of each layout.
count=0
for dir in "$SAMPLES_OUT"/pdf/*/; do
  layout=$(basename "$dir")
  files=("$dir"*.pdf)
  for ((i = 0; i < ${#files[@]}; i += 20)); do
    check_file "${files[$i]}" "$(size_for "$layout")"
    check_margins "${files[$i]}" "$(margin_for "$layout")"
    count=$((count + 1))
  done
done
[ "$count" -ge 10 ] || problem "only $count sample PDFs found under $SAMPLES_OUT/pdf"

# The samples in every other language (I18N_OUT), one per language and layout: the same checks; Arabic gets the
# fixture's vertical room.
: "${I18N_OUT:?I18N_OUT must name the exported samples in other languages}"
i18n=0
for f in "$I18N_OUT"/pdf/*/sample-*-1.pdf; do
  [ -e "$f" ] || continue
  layout=$(basename "$(dirname "$f")")
  check_file "$f" "$(size_for "$layout")"
  case "$f" in *sample-ar-*) check_margins "$f" "$(margin_for "$layout")" 8;; *) check_margins "$f" "$(margin_for "$layout")";; esac
  i18n=$((i18n + 1))
done
[ "$i18n" -ge 15 ] || problem "expected a sample handout per language and layout under $I18N_OUT/pdf, found $i18n"

# No system fonts: an empty Fontconfig configuration must give the very same bytes.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$tmp/empty.conf"
FONTCONFIG_FILE="$tmp/empty.conf" "$TRIALEXPORT" pdf --quiet --layout a4 --output "$tmp/out" summaries/patina.yaml >/dev/null \
  || problem "rendering with no system fonts failed"
cmp -s "$tmp/out/pdf/a4/patina.pdf" "$OUT/pdf/a4/patina.pdf" || problem "output with no system fonts differs from the normal build"

[ "$fail" = 0 ] && echo "check-pdf: ${#patinas[@]} PATINA handouts, $scripts Arabic and Chinese fixture handouts and $count samples pass qpdf, pdffonts, pdfinfo, pdftotext, margins; no-system-font rebuild identical"
exit "$fail"
