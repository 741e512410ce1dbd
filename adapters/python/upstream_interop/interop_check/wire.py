"""Runs one SDK call and checks what crossed the wire while it ran.

For every exchange the proxy recorded during the call: the route is the one
the protocol names for it, and both validators accept the request body (the
SDK's exact bytes) and the response body (the stub's exact bytes) as the
wire documents they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .recording_proxy import Exchange, RecordingProxy
from .results import Results
from .verdicts import Validators

EXECUTE_ROUTE = "/orm/api/ts_manager/meta_table/execute-operation/"


def run_query_route(meta_table_uid: str) -> str:
    return f"/orm/api/ts_manager/meta_table/{meta_table_uid}/run_query/"


@dataclass(frozen=True)
class Call:
    """What an SDK call returned (or raised), and the exchanges it made."""

    value: Any
    error: Exception | None
    exchanges: list[Exchange]

    def pages(self) -> list[tuple[int, int]]:
        """(offset, max_rows) of each execute-operation request, in order."""
        limits = [json.loads(e.request_body)["limits"] for e in self.exchanges]
        return [(limit["offset"], limit["max_rows"]) for limit in limits]


class Wire:
    def __init__(self, proxy: RecordingProxy, validators: Validators, results: Results) -> None:
        self._proxy = proxy
        self._validators = validators
        self._results = results

    def call(
        self,
        step: str,
        name: str,
        action: Callable[[], Any],
        route: str,
        request_document: str,
        *,
        valid_request: bool = True,
    ) -> Call:
        """Runs ``action``; checks each exchange's route, request and response documents.

        ``valid_request=False`` is for envelopes the SDK sends although our
        schema rejects them (step 1 checks their issues): only their response
        bodies are validated here.
        """
        mark = self._proxy.mark()
        value: Any = None
        error: Exception | None = None
        try:
            value = action()
        except Exception as caught:  # the caller decides whether an error was expected
            error = caught
        exchanges = self._proxy.since(mark)
        routes = sorted({f"{e.method} {e.path}" for e in exchanges})
        self._results.expect_equal(step, f"{name}: route", routes, [f"POST {route}"])
        problems = []
        for index, exchange in enumerate(exchanges):
            if valid_request:
                problems += self._document_problems(f"request {index}", exchange.request_body, request_document)
            problems += self._document_problems(
                f"response {index}", exchange.response_body, _response_document(request_document, exchange)
            )
        checked = "request(s) and response(s)" if valid_request else "response(s)"
        self._results.add(step, f"{name}: {len(exchanges)} {checked} valid", not problems, "; ".join(problems))
        return Call(value, error, exchanges)

    def execute(self, step: str, name: str, operation: Any, timeout: float, *, valid_request: bool = True) -> Call:
        """``MetaTable.execute_operation(operation)`` through :meth:`call`, on the execute-operation route."""
        # The SDK reads the environment when imported, and this module is loaded before run.py sets it.
        from mainsequence.client import MetaTable

        return self.call(
            step,
            name,
            lambda: MetaTable.execute_operation(operation, timeout=timeout),
            EXECUTE_ROUTE,
            "operation",
            valid_request=valid_request,
        )

    def _document_problems(self, label: str, body: bytes, document: str) -> list[str]:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return [f"{label} is not UTF-8"]
        verdicts = self._validators.both(text, document)
        return [f"{label} ({document}) {name}: {v.describe()}" for name, v in verdicts.items() if not v.valid]


def _response_document(request_document: str, exchange: Exchange) -> str:
    """Which wire document a response body is: every non-2xx body is an error-response."""
    if not 200 <= exchange.status < 300:
        return "error-response"
    return "run-query-response" if request_document == "run-query-request" else "operation-result"
