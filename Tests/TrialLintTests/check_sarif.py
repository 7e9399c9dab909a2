"""Validates a SARIF log (stdin) against the SARIF 2.1.0 schema model of PyPI pydantic-sarif (generated from the
OASIS schema; extra properties are forbidden), then checks what code scanning needs: every result names a known
rule and has a physical location with a line and column of at least 1."""
import json
import sys

from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as SarifLog

raw = json.load(sys.stdin)
log = SarifLog.model_validate(raw)
assert log.version.value == "2.1.0", log.version
run = log.runs[0]
rules = [r.id for r in run.tool.driver.rules or []]
for result in run.results or []:
    assert result.ruleId in rules, result.ruleId
    assert rules[result.ruleIndex] == result.ruleId, (result.ruleIndex, result.ruleId)
    region = result.locations[0].physicalLocation.region
    assert region.startLine >= 1 and region.startColumn >= 1, region
print(f"ok: {len(run.results or [])} results, {len(rules)} rules")
