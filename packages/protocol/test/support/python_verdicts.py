"""Verdicts of Python jsonschema (Draft 2020-12) for the differential gate.

Usage: python python_verdicts.py SCHEMA_DIR < cases.jsonl > verdicts.jsonl

Each input line is {"document": "<schema name>", "text": "<JSON text>"}; the
text is parsed here with json.loads, so Python reads exactly the bytes the
JavaScript validators read. Each output line is {"valid": true|false}, or
{"error": "..."} when parsing or validation raised.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def main() -> None:
    schema_dir = pathlib.Path(sys.argv[1])
    schemas = [json.loads(path.read_text("utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))]
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012)) for schema in schemas
    )
    validators = {}
    for schema in schemas:
        Draft202012Validator.check_schema(schema)
        name = schema["$id"].rsplit("/", 1)[-1].removesuffix(".schema.json")
        validators[name] = Draft202012Validator(schema, registry=registry)
    out = sys.stdout
    for line in sys.stdin:
        case = json.loads(line)
        try:
            instance = json.loads(case["text"])
            out.write(json.dumps({"valid": validators[case["document"]].is_valid(instance)}))
        except Exception as error:  # a verdict that is neither valid nor invalid is a disagreement
            out.write(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        out.write("\n")


if __name__ == "__main__":
    main()
