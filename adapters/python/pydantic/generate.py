#!/usr/bin/env python3
"""Generates the Pydantic v2 models in ``compiled_sql_models/`` from ``schemas/compiled-sql.v1``.

    .venv/bin/python adapters/python/pydantic/generate.py          # rewrite the models
    .venv/bin/python adapters/python/pydantic/generate.py --check  # fail if they are stale

The generator is datamodel-code-generator at the version pinned in
``adapters/python/requirements.txt``; its input is the canonical schemas with
the two equivalent rewrites of ``generator_input.py``. Never edit the
generated files: change the schemas (or this script) and regenerate.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator_input import rewrite

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE.parents[2] / "schemas" / "compiled-sql.v1"
MODELS_DIR = HERE / "compiled_sql_models"

#: The generator's options. Why each one:
OPTIONS = [
    "--input-file-type", "jsonschema",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--target-pydantic-version", "2.14",
    # The generator's own formatter: the output depends on its version only, not on black or isort.
    "--formatters", "builtin",
    # Reproducible output: no generation time in the headers.
    "--disable-timestamp",
    # An optional field may be absent, never null: `X | MISSING = MISSING`, not `X | None = None`.
    "--use-missing-sentinel",
    # A field with a default is not nullable because of it (`access: null` is invalid).
    "--strict-nullable",
    # Literals instead of Enum classes: strict validation of JSON data then takes plain strings.
    "--enum-field-as-literal", "all",
    "--use-annotated",
    # Objects that are maps (rows, nested parameter values) keep their value schema.
    "--use-typed-nullable-map-values",
]


def generate(output: Path) -> None:
    """Generates the models package into ``output`` (which must not exist)."""
    with tempfile.TemporaryDirectory() as temp:
        # The directory's name appears in the generated __init__.py header.
        source = Path(temp) / SCHEMA_DIR.name
        source.mkdir()
        for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
            schema = rewrite(json.loads(path.read_text(encoding="utf-8")))
            (source / path.name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "datamodel_code_generator", "--input", str(source), "--output", str(output), *OPTIONS]
        subprocess.run(command, check=True, cwd=temp)


def differences(expected: Path, actual: Path) -> list[str]:
    """The files that differ between two directory trees, by relative path."""
    def files(root: Path) -> set[str]:
        return {str(path.relative_to(root)) for path in root.rglob("*.py")}

    names = files(expected) | files(actual)
    return sorted(name for name in names if not ((expected / name).is_file() and (actual / name).is_file()
                                                  and filecmp.cmp(expected / name, actual / name, shallow=False)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail, changing nothing, if the committed models are stale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp) / "compiled_sql_models"
        generate(fresh)
        stale = differences(fresh, MODELS_DIR)
        if args.check:
            if stale:
                print(f"{MODELS_DIR} is stale; run adapters/python/pydantic/generate.py. Differs: {', '.join(stale)}", file=sys.stderr)
                return 1
            print(f"compiled_sql_models is up to date ({len(list(fresh.rglob('*.py')))} modules)")
            return 0
        shutil.rmtree(MODELS_DIR, ignore_errors=True)
        shutil.copytree(fresh, MODELS_DIR)
        print(f"wrote {MODELS_DIR} ({len(stale)} files changed)")
        return 0


if __name__ == "__main__":
    sys.exit(main())
