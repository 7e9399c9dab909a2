#!/usr/bin/env bash
# The JSON Schema editors use must accept every real and sample summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 Tests/validators/check_schema.py schema/summary.schema.json 'summaries/*.yaml' "$SAMPLES/*.yaml"
