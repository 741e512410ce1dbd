"""Facts of compiled-sql.v1 the client needs, read from the canonical schemas in ``schemas/compiled-sql.v1/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

SCHEMA_DIR = Path(__file__).resolve().parents[4] / "schemas" / "compiled-sql.v1"

PROTOCOL_VERSION = "compiled-sql.v1"
DIALECT = "postgresql"
PARAMSTYLE = "pyformat"
DEFAULT_LIMITS = {"max_rows": 1000, "offset": 0, "statement_timeout_ms": 15000}
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
REQUEST_ID_HEADER = "X-Request-Id"


def _error_codes() -> dict[str, dict[str, Any]]:
    schema = json.loads((SCHEMA_DIR / "error-code.schema.json").read_text(encoding="utf-8"))
    return schema["x-codes"]


#: Every protocol error code with its HTTP status, kind and retryable flag.
ERROR_CODES: dict[str, dict[str, Any]] = _error_codes()

#: The two route families; both serve the same protocol.
ROUTES = {
    "legacy": {
        "execute_operation": "/orm/api/ts_manager/meta_table/execute-operation/",
        "run_query": lambda uid: f"/orm/api/ts_manager/meta_table/{quote(uid, safe='')}/run_query/",
    },
    "v1": {
        "execute_operation": "/api/v1/meta-tables/execute-operation/",
        "run_query": lambda uid: f"/api/v1/meta-tables/{quote(uid, safe='')}/run-query/",
    },
}
