#!/usr/bin/env bash
# Shows that every validator can fail: each Tests/validators/check-*.sh is run on damaged copies of the outputs
# and samples it checks (every file cut to half its length) and must exit non-zero. A check that passes broken
# input proves nothing, so this fails the run. run-all.sh with no checks to run must fail too.
# Environment: as run-all.sh (TRIALEXPORT, OUT, SAMPLES, SAMPLES_OUT, I18N_OUT; RECORDS for check-import.sh); called by `make checks`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${OUT:?}" "${SAMPLES:?}" "${SAMPLES_OUT:?}" "${TRIALEXPORT:?}" "${I18N_OUT:?}"
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
records="$here/../CTGovImportTests/Fixtures/records"   # check-import.sh's input
for name in out samples samples-out records i18n-out; do
  case $name in out) src=$OUT;; samples) src=$SAMPLES;; samples-out) src=$SAMPLES_OUT;; records) src=$records;; i18n-out) src=$I18N_OUT;; esac
  cp -r "$src" "$broken/$name"
  find "$broken/$name" -type f ! -name manifest.json -print0 | while IFS= read -r -d '' f; do
    truncate -s $(( $(stat -c %s "$f") / 2 )) "$f"
  done
done

status=0 checked=0
for check in "$here"/check-*.sh; do
  checked=$((checked + 1))
  if OUT="$broken/out" SAMPLES="$broken/samples" SAMPLES_OUT="$broken/samples-out" RECORDS="$broken/records" I18N_OUT="$broken/i18n-out" \
     bash "$check" >"$broken/log" 2>&1; then
    echo "selftest: $(basename "$check") PASSED on broken input"; tail -n 5 "$broken/log"; status=1
  else
    echo "selftest: $(basename "$check") fails on broken input, as it must"
  fi
done
[ "$checked" -gt 0 ] || { echo "selftest: no check-*.sh found"; exit 1; }

# Issue 19's checks, each on one precise defect of an otherwise valid output: an Arabic EPUB whose package
# lost its dir and page progression, and a digest without Content-Language.
ar_epub=$(find "$I18N_OUT/epub" -name 'sample-ar-1.epub' | head -n 1)
python3 - "$ar_epub" "$broken/ltr.epub" <<'PY'
import sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
    for info in zin.infolist():
        data = zin.read(info)
        if info.filename.endswith('.opf'):
            data = data.replace(b' dir="rtl"', b'').replace(b' page-progression-direction="rtl"', b'')
        zout.writestr(info, data)
PY
if python3 "$here/check_epub_package.py" "$broken/ltr.epub" >"$broken/log" 2>&1; then
  echo "selftest: check_epub_package.py passed an Arabic EPUB without dir"; status=1
else echo "selftest: check_epub_package.py fails an Arabic EPUB without dir, as it must"; fi
python3 - "$I18N_OUT/digest/digest.eml" "$broken/no-lang.eml" <<'PY'
import sys
raw = open(sys.argv[1], 'rb').read()
head, body = raw.split(b'\r\n\r\n', 1)
lines = [l for l in head.split(b'\r\n') if not l.startswith(b'Content-Language:')]
open(sys.argv[2], 'wb').write(b'\r\n'.join(lines) + b'\r\n\r\n' + body)
PY
if python3 "$here/../DigestExportTests/check_eml.py" "$broken/no-lang.eml" >"$broken/log" 2>&1; then
  echo "selftest: check_eml.py passed a digest without Content-Language"; status=1
else echo "selftest: check_eml.py fails a digest without Content-Language, as it must"; fi

# run-all.sh in a folder without checks must fail, not report "0 passed, 0 failed" as success.
empty="$broken/empty" && mkdir "$empty" && cp "$here/run-all.sh" "$empty/"
if bash "$empty/run-all.sh" >/dev/null 2>&1; then echo "selftest: run-all.sh passed with no checks"; status=1
else echo "selftest: run-all.sh fails when it runs no check, as it must"; fi
exit "$status"
