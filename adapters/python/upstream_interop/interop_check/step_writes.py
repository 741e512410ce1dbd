"""Step 2b: writes through MetaTable.execute_operation, and errors as the SDK surfaces them.

Writes must be sent exactly once (the SDK never pages them). They insert,
update and delete one extra asset, so the table ends as the seed left it; the
run_query step reads it back.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from . import sdk_envelopes
from . import sdk_operations as ops
from .results import Results
from .wire import Wire

STEP = "execute"


class Writes:
    def __init__(self, wire: Wire, results: Results, timeout: float) -> None:
        self._wire = wire
        self._results = results
        self._timeout = timeout

    def run(self) -> None:
        new = ops.NEW_ASSET
        self._write("upsert (insert path)", ops.docs_upsert("INTEROP"), [{"uid": new, "symbol": "INTEROP"}])
        self._write("upsert (conflict path)", ops.docs_upsert("INTEROP-2"), [{"uid": new, "symbol": "INTEROP-2"}])
        self._write(
            "sqlalchemy update", ops.sqlalchemy_update("INTEROP-3"), [{"symbol": "INTEROP-3", "as_of": "2026-07-01"}]
        )
        self._write("sqlalchemy delete", ops.sqlalchemy_delete(), [{"uid": new}])
        response = self._write("sqlalchemy insert (no RETURNING)", ops.sqlalchemy_insert(), [])
        if response is not None:
            self._results.expect_equal(STEP, "sqlalchemy insert: row_count", response.get("row_count"), 1)
        self._write("sqlalchemy delete again", ops.sqlalchemy_delete(), [{"uid": new}])
        self._errors()

    def _write(self, name: str, operation: Any, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
        call = self._wire.execute(STEP, name, operation, self._timeout)
        self._results.expect_equal(STEP, f"{name}: sent once", len(call.exchanges), 1)
        if call.error is not None:
            self._results.add(STEP, f"{name}: executed", False, f"{type(call.error).__name__}: {call.error}")
            return None
        self._results.expect_equal(STEP, f"{name}: rows", call.value.get("rows"), rows)
        return call.value

    def _errors(self) -> None:
        """A refused envelope raises one of the SDK's ApiError classes carrying the server's code and message."""
        unscoped = ops.loose(sql="SELECT name FROM public.account")  # account is not in scope
        self._error("relation not in scope", unscoped, "relation_not_in_scope")
        # The SDK serializes positional parameters with Pydantic, not with its
        # own UTC conversion: an aware +02:00 datetime goes out as "+02:00".
        plus_two = datetime.datetime(2020, 1, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
        self._error(
            "positional aware non-UTC datetime",
            ops.positional([plus_two], {"0": "timestamp with time zone"}),
            "invalid_parameter_value",
        )
        # Envelopes the SDK sends although our schema rejects them: the stub
        # answers with the code our validators report first.
        for case in sdk_envelopes.cases():
            if not case.expect.accept:
                self._error(case.name, case.build(), case.expect.issues[0][0], valid_request=False)
        self._statement_timeout()

    def _statement_timeout(self) -> None:
        """``statement_timeout`` is 504, which the SDK's HTTP layer re-sends 3 more times (upstream notes).

        The count runs far beyond 1 ms on any machine, so the outcome does not
        depend on timing; the stub terminates PGlite's worker each time, and the
        run_query step checks afterwards that the data survived.
        """
        name = "statement timeout (504)"
        operation = ops.loose(
            sql="SELECT count(*) AS n FROM generate_series(1, 300000000) AS g", limits={"statement_timeout_ms": 1}
        )
        call = self._wire.execute(STEP, name, operation, self._timeout)
        answers = [(e.status, json.loads(e.response_body).get("error", {}).get("code")) for e in call.exchanges]
        self._results.expect_equal(
            STEP, f"{name}: sent 1 + 3 times, each answered", answers, [(504, "statement_timeout")] * 4
        )
        bodies = {e.request_body for e in call.exchanges}
        self._results.expect_equal(STEP, f"{name}: the same bytes each time", len(bodies), 1)
        raised = type(call.error).__name__ if call.error is not None else None
        self._results.expect_equal(STEP, f"{name}: SDK raises", raised, "ServerError")

    def _error(self, name: str, operation: Any, code: str, *, valid_request: bool = True) -> None:
        call = self._wire.execute(STEP, name, operation, self._timeout, valid_request=valid_request)
        self._results.expect_equal(STEP, f"{name}: sent once", len(call.exchanges), 1)
        if call.error is None or not call.exchanges:
            self._results.add(STEP, f"{name}: rejected", False, f"expected {code}, the SDK returned {call.value!r}")
            return
        exchange = call.exchanges[0]
        body = json.loads(exchange.response_body)
        self._results.expect_equal(STEP, f"{name}: error code", body.get("error", {}).get("code"), code)
        message = str(call.error)
        self._results.add(
            STEP,
            f"{name}: SDK raises {type(call.error).__name__} with the server's message",
            bool(body.get("detail")) and str(body.get("detail")) in message,
            f"HTTP {exchange.status}; request {json.loads(exchange.request_body)['statement']}; {message}",
        )
