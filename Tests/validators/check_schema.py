"""Validates summary sources against schema/summary.schema.json (JSON Schema 2020-12).

Dates stay strings: the summary format has no YAML timestamps, it has YYYY-MM-DD text."""
import glob
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = [f for pattern in sys.argv[2:] for f in sorted(glob.glob(pattern))]
failed = 0
for f in files:
    errors = list(validator.iter_errors(yaml.load(open(f, encoding="utf-8"), Loader=Loader)))
    for e in errors[:3]:
        print(f"{f}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failed += bool(errors)
print(f"schema: {len(files) - failed} passed, {failed} failed")
sys.exit(1 if failed or not files else 0)
