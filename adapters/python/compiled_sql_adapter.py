#!/usr/bin/env python3
"""The Python conformance adapter for compiled-sql.v1 (adapter protocol ``compiled-sql.adapter.v1``).

Reads one JSON request per line on standard input and writes one JSON response
per line on standard output; logs go to standard error. See
``docs/conformance/adapter-protocol.md``. Run it under the conformance runner::

    compiled-sql-conformance envelopes --adapter ".venv/bin/python adapters/python/compiled_sql_adapter.py"

Or by hand, with requests from ``--emit-requests``::

    .venv/bin/python adapters/python/compiled_sql_adapter.py < requests.jsonl
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compiled_sql_validator import NotJson, TooDeep, Validator, parse_json, too_deep  # noqa: E402

PROTOCOL = "compiled-sql.adapter.v1"
IMPLEMENTATION = {
    "name": "compiled-sql-python-jsonschema",
    "version": f"0.1.0+jsonschema.{version('jsonschema')}",
    "language": "python",
}


def request_id(request: Any) -> str:
    """The id to answer with: the request's, or ``unknown`` when it has none (the runner then stops)."""
    value = request.get("id") if isinstance(request, dict) else None
    return value if isinstance(value, str) and value else "unknown"


def answer(validator: Validator, request: Any) -> dict[str, Any]:
    """The response to one request (any JSON value). Raises only on a bug in the validator."""
    kind = request.get("type") if isinstance(request, dict) else None
    id_ = request_id(request)
    if kind == "hello":
        return {"type": "hello", "protocol": PROTOCOL, "implementation": IMPLEMENTATION}
    if kind != "validate":
        return {"type": "error", "id": id_, "message": f"unknown request type {kind!r}"}
    document, text = request.get("document"), request.get("text")
    if not isinstance(document, str) or not validator.supports(document):
        return {"type": "skip", "id": id_, "reason": f"document {document!r} is not implemented"}
    if not isinstance(text, str):
        return {"type": "error", "id": id_, "message": "text is not a string"}
    try:
        value = parse_json(text)
    except NotJson as error:
        return {"type": "error", "id": id_, "message": f"the text is not JSON: {error}"}
    except TooDeep:
        result = too_deep()
    else:
        result = validator.validate(document, value)
    return {"type": "result", "id": id_, "valid": result.valid, "issues": result.issues}


def send(message: dict[str, Any]) -> None:
    # ASCII-only output: lone surrogates and any locale survive the pipe.
    sys.stdout.write(json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main() -> int:
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    validator = Validator()
    while line := sys.stdin.readline():
        request: Any = None
        try:
            request = json.loads(line)
            if isinstance(request, dict) and request.get("type") == "shutdown":
                return 0
            send(answer(validator, request))
        except Exception as error:  # noqa: BLE001 - one bad request must not end the run
            print(f"compiled_sql_adapter: {type(error).__name__}: {error}", file=sys.stderr)
            send({"type": "error", "id": request_id(request), "message": f"{type(error).__name__}: {error}"})
    return 0  # End of input counts as shutdown.


if __name__ == "__main__":
    sys.exit(main())
