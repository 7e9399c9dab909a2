#!/usr/bin/env python3
"""PyPI `pdfua` (PDF/UA-1 machine-checkable subset) over each file given: any finding, at any severity, or any
rule the checker skipped (a rule not evaluated proves nothing) fails. Usage: run_pdfua.py FILE.pdf ..."""
import sys

from pdfua import validate


def main(paths):
    bad = 0
    for path in paths:
        report = validate(path)
        for f in report.findings:
            print(f"{path}: {f.rule_id} {f.severity.name}: {f.message}")
        for o in report.skipped:
            print(f"{path}: rule {o.rule_id} skipped, not evaluated: {o.skipped_reason}")
        bad += bool(report.findings or report.skipped)
    print(f"pdfua: {len(paths)} files, {bad} with findings or skipped rules")
    return 1 if bad or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
