#!/usr/bin/env python3
"""The client conformance adapter for the Python client (``compiled_sql_client``, on ``requests``).

Speaks the adapter protocol ``compiled-sql.adapter.v1`` (docs/conformance/adapter-protocol.md): one JSON
request per stdin line, one response per stdout line, logs on stderr. Run it under the runner::

    compiled-sql-conformance client --adapter ".venv/bin/python adapters/python/client_adapter/adapter.py"
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compiled_sql_client as client  # noqa: E402

PROTOCOL = "compiled-sql.adapter.v1"
IMPLEMENTATION = {"name": "compiled-sql-python-requests", "version": f"{client.__version__}+requests.{version('requests')}", "language": "python"}

# Most specific first: the category the suite names each exception class by.
CATEGORIES: list[tuple[type[Exception], str]] = [
    (client.BadRequestError, "bad_request"),
    (client.AuthenticationError, "authentication"),
    (client.PermissionDeniedError, "permission_denied"),
    (client.NotFoundError, "not_found"),
    (client.ConflictError, "conflict"),
    (client.RateLimitError, "rate_limit"),
    (client.TimeoutError, "timeout"),
    (client.ServerError, "server"),
    (client.TransportError, "transport"),
]


def describe(error: client.CompiledSqlError) -> dict[str, Any]:
    """The error in the suite's terms (``adapter-response.schema.json#/$defs/AdapterClientError``)."""
    if isinstance(error, client.OperationBuildError):
        return {"category": "build", "status": None, "code": error.code, "retryable": False, "message": error.message, "path": error.path, "issues": error.issues}
    assert isinstance(error, client.RequestError)
    category = next(name for kind, name in CATEGORIES if isinstance(error, kind))
    return {
        "category": category,
        "status": error.status,
        "code": error.code,
        "retryable": error.retryable,
        "message": error.message,
        "sqlstate": error.sqlstate,
        "request_id": error.request_id,
        "retry_after_ms": error.retry_after_ms,
    }


def perform(request: dict[str, Any]) -> Any:
    """Runs the call a request names, with the client's own retry defaults."""
    if request["type"] == "build":
        return client.build_operation(**request["input"], default_data_source_uid=request.get("default_data_source_uid"))
    meta_tables = client.MetaTableClient(request["endpoint"], request["token"], routes=request["routes"])
    try:
        if request["type"] == "execute":
            return meta_tables.execute_operation(request["envelope"], idempotency_key=request.get("idempotency_key"))
        return meta_tables.run_query(request["meta_table_uid"], request["sql"])
    finally:
        meta_tables.close()


def answer(request: Any) -> dict[str, Any]:
    """The response to one request. Raises only on a bug (the loop answers ``error`` then)."""
    kind = request.get("type") if isinstance(request, dict) else None
    id_ = request.get("id", "unknown") if isinstance(request, dict) else "unknown"
    if kind == "hello":
        return {"type": "hello", "protocol": PROTOCOL, "implementation": IMPLEMENTATION}
    if kind == "validate":
        return {"type": "skip", "id": id_, "reason": "the client adapter serves the client suite; validators run in compiled_sql_adapter.py"}
    if kind not in ("build", "execute", "run_query"):
        return {"type": "error", "id": id_, "message": f"unknown request type {kind!r}"}
    try:
        return {"type": "outcome", "id": id_, "ok": True, "result": perform(request)}
    except client.CompiledSqlError as error:
        return {"type": "outcome", "id": id_, "ok": False, "error": describe(error)}


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main() -> int:
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    while line := sys.stdin.readline():
        request: Any = None
        try:
            request = json.loads(line)
            if isinstance(request, dict) and request.get("type") == "shutdown":
                return 0
            send(answer(request))
        except Exception as error:  # noqa: BLE001 - one bad request must not end the run
            print(f"client_adapter: {type(error).__name__}: {error}", file=sys.stderr)
            id_ = request.get("id") if isinstance(request, dict) and isinstance(request.get("id"), str) and request.get("id") else "unknown"
            send({"type": "error", "id": id_, "message": f"{type(error).__name__}: {error}"})
    return 0  # End of input counts as shutdown.


if __name__ == "__main__":
    sys.exit(main())
