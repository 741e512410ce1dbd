"""``MetaTableClient``: execute envelopes (with the upstream pagination loop) and run raw read-only queries."""

from __future__ import annotations

import json
from typing import Any

from . import errors
from .build import validated_envelope
from .pages import merge_pages, run_query_response, select_page, write_result
from .protocol import DEFAULT_LIMITS, ROUTES
from .retry import RetryPolicy
from .transport import Plan, Transport


def _body(value: Any) -> bytes:
    # The bytes the upstream SDK sends: json.dumps with its default separators, non-ASCII escaped.
    return json.dumps(value).encode("ascii")


class MetaTableClient:
    """
    A compiled-sql.v1 client over HTTP (``requests``), for TS Manager or the
    server-stub::

        client = MetaTableClient("http://127.0.0.1:8787", token="demo-analyst-token-0001")
        result = client.execute_operation(build_operation("select", "SELECT ...", scope={...}))
    """

    def __init__(self, endpoint: str, token: str, *, routes: str = "legacy", retry: RetryPolicy | None = None, timeout: float | None = None) -> None:
        if routes not in ROUTES:
            raise ValueError(f"routes must be 'legacy' or 'v1', got {routes!r}")
        self._routes = ROUTES[routes]
        self._transport = Transport(endpoint, token, retry or RetryPolicy(), timeout)

    def execute_operation(self, envelope: dict[str, Any], *, idempotency_key: str | None = None) -> dict[str, Any]:
        """
        Executes an envelope. A select follows ``pagination.next_offset`` while
        ``has_more`` is true, ``next_offset`` is set and rows are missing,
        re-posting the envelope with ``limits.offset = next_offset`` and
        ``limits.max_rows`` = the rows still missing, then merges the pages. A
        write is sent once, and retried only with an ``idempotency_key``.
        """
        if not isinstance(envelope, dict):
            raise errors.OperationBuildError("invalid_type", "", "execute_operation takes an envelope; build one with build_operation first")
        envelope = validated_envelope(envelope)
        if envelope.get("operation") != "select":
            plan = Plan(self._routes["execute_operation"], _body(envelope), retryable=idempotency_key is not None, idempotency_key=idempotency_key)
            return write_result(self._transport.send(plan))
        return self._read(envelope)

    def _read(self, envelope: dict[str, Any]) -> dict[str, Any]:
        limits = {**DEFAULT_LIMITS, **(envelope.get("limits") or {})}
        max_rows, offset = limits["max_rows"], limits["offset"]
        request, pages, received = envelope, [], 0
        while True:
            reply = self._transport.send(Plan(self._routes["execute_operation"], _body(request), retryable=True))
            page = select_page(reply)
            pages.append(page)
            received += len(page["rows"])
            next_offset = page["pagination"].get("next_offset")
            if not (page["pagination"]["has_more"] and next_offset is not None and received < max_rows):
                return merge_pages(pages, max_rows)
            if next_offset <= offset:
                raise errors.ServerError(status=reply.status, code="invalid_response", message=f"pagination.next_offset {next_offset} does not advance past offset {offset}", retryable=False, request_id=reply.request_id, body=reply.body)
            offset = next_offset
            request = {**envelope, "limits": {**limits, "offset": offset, "max_rows": max_rows - received}}

    def run_query(self, meta_table_uid: str, sql: str) -> dict[str, Any]:
        """Runs raw read-only SQL limited to one MetaTable: the body is the SQL as a JSON string, as the upstream SDK sends it."""
        if not meta_table_uid or not isinstance(sql, str) or not sql.strip():
            raise errors.OperationBuildError("too_small", "", "run_query needs a MetaTable uid and non-empty SQL")
        plan = Plan(self._routes["run_query"](meta_table_uid), _body(sql), retryable=True)
        return run_query_response(self._transport.send(plan))

    def close(self) -> None:
        """Closes the HTTP session."""
        self._transport.close()
