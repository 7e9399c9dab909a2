#!/usr/bin/env bash
# The JSON Schemas editors use must accept every real and sample summary, and the settings file.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 Tests/validators/check_schema.py schema/summary.schema.json 'summaries/*.yaml' "$SAMPLES/*.yaml"
# The settings schema (built from each format's section entry) must accept the repository's trialexport.yaml.
python3 Tests/validators/check_schema.py schema/settings.schema.json trialexport.yaml
