"""Step 2a: MetaTable.execute_operation for selects, against the stub with a page cap of 2.

Each select checks the (offset, max_rows) sequence the SDK's pagination loop
sends, and the merged rows against the demo seed's rows.
"""

from __future__ import annotations

import datetime
import decimal
import json
from typing import Any

from . import sdk_operations as ops
from .demo_world import ACCOUNT_UID, ACME_ACCOUNT, ASSET_UID, account, asset
from .results import Results
from .seed_rows import Row, Seed
from .wire import Wire

STEP = "execute"


class Selects:
    def __init__(self, wire: Wire, results: Results, seed: Seed, timeout: float) -> None:
        self._wire = wire
        self._results = results
        self._seed = seed
        self._timeout = timeout

    def run(self) -> None:
        assets = sorted(self._seed.rows["asset"], key=lambda r: r["uid"])
        accounts = sorted(self._seed.rows["account"], key=lambda r: r["uid"])
        btc_since = [
            r for r in assets if "btc" in r["symbol"].lower() and r["as_of"] is not None and r["as_of"] >= "2026-05-28"
        ]

        # The protocol's example sequence: max_rows 5 over a page cap of 2.
        result = self._select(
            "all assets, max_rows 5", ops.sqlalchemy_all(asset, ASSET_UID, 5), "asset", [(0, 5), (2, 3), (4, 1)], assets
        )
        self._merged("all assets, max_rows 5", result, limit=5, returned=5, has_more=False, next_offset=None)
        # Fewer rows wanted than exist: the merged response says more remain.
        result = self._select(
            "all assets, max_rows 3", ops.sqlalchemy_all(asset, ASSET_UID, 3), "asset", [(0, 3), (2, 1)], assets[:3]
        )
        self._merged("all assets, max_rows 3", result, limit=3, returned=3, has_more=True, next_offset=3)
        # The SDK's default max_rows (1000): remaining = 1000 - rows so far.
        self._select(
            "all accounts, default max_rows",
            ops.sqlalchemy_all(account, ACCOUNT_UID),
            "account",
            [(0, 1000), (2, 998)],
            accounts,
        )

        self._select(
            "contract example", ops.contract_example(), "asset", [(0, 500)], [{"uid": r["uid"]} for r in btc_since]
        )
        self._select(
            "docs build_operation",
            ops.docs_manual_select(),
            "asset",
            [(0, 1000)],
            [{"uid": r["uid"], "symbol": r["symbol"]} for r in assets if "btc" in r["symbol"].lower()],
        )
        acme = next(r for r in accounts if r["uid"] == ACME_ACCOUNT)
        joined = [
            {"uid": r["uid"], "symbol": r["symbol"], "name": acme["name"]}
            for r in btc_since
            if r["account_uid"] == ACME_ACCOUNT and r["decimals"] in (8, 18)
        ]
        self._select("sqlalchemy join", ops.sqlalchemy_join(), "asset", [(0, 1000)], joined)
        self._select(
            "sqlalchemy %% literal",
            ops.sqlalchemy_percent_literal(),
            "account",
            [(0, 1000)],
            [{"name": r["name"]} for r in accounts if r["name"].startswith("100%")],
        )
        self._select(
            "timestamp with time zone",
            ops.typed_timestamp(),
            "account",
            [(0, 1000)],
            [{"uid": acme["uid"], "name": acme["name"]}],
        )
        since_2020 = [
            {"uid": r["uid"], "name": r["name"]}
            for r in accounts
            if r["created_at"] is not None and r["created_at"].year >= 2020
        ]
        self._select(
            "positional parameters",
            ops.positional([_utc_2020()], {"0": "timestamp with time zone"}),
            "account",
            [(0, 1000)],
            since_2020,
        )
        self._untyped_values()

    def _select(
        self, name: str, operation: Any, table: str, pages: list[tuple[int, int]], expected: list[Row]
    ) -> dict[str, Any] | None:
        call = self._wire.execute(STEP, name, operation, self._timeout)
        if call.error is not None:
            self._results.add(STEP, f"{name}: executed", False, f"{type(call.error).__name__}: {call.error}")
            return None
        if call.exchanges:
            sent = call.exchanges[0].request_body.decode("utf-8")
            self._results.expect_equal(
                STEP, f"{name}: first page bytes are the envelope's wire text", sent, ops.wire_text(operation)
            )
        self._results.expect_equal(STEP, f"{name}: pages (offset, max_rows)", call.pages(), pages)
        rows = self._seed.response_rows(table, call.value.get("rows") or [])
        self._results.expect_equal(STEP, f"{name}: rows equal the seed's", rows, expected)
        return call.value

    def _merged(
        self,
        name: str,
        response: dict[str, Any] | None,
        *,
        limit: int,
        returned: int,
        has_more: bool,
        next_offset: int | None,
    ) -> None:
        if response is None:
            return
        actual = {k: response.get(k) for k in ("row_count", "truncated", "max_rows")} | {
            "pagination": response.get("pagination")
        }
        expected = {
            "row_count": returned,
            "truncated": has_more,
            "max_rows": limit,
            "pagination": {
                "limit": limit,
                "offset": 0,
                "returned_count": returned,
                "has_more": has_more,
                "next_offset": next_offset,
            },
        }
        self._results.expect_equal(STEP, f"{name}: merged response", actual, expected)

    def _untyped_values(self) -> None:
        """Untyped values the SDK converts on its own come back as the database read them."""
        name = "untyped int64, Decimal, UUID, NaN, text"
        call = self._wire.execute(STEP, name, ops.untyped_values(), self._timeout)
        if call.error is not None:
            self._results.add(STEP, f"{name}: executed", False, f"{type(call.error).__name__}: {call.error}")
            return
        row = (call.value.get("rows") or [{}])[0]
        exact = {
            "big": _as_int(row.get("big")),
            "price": _as_decimal(row.get("price")),
            "id": row.get("id"),
            "nan": row.get("nan"),
            "text": row.get("text"),
        }
        expected = {"big": 2**63 - 1, "price": decimal.Decimal("12.50"), "id": ACME_ACCOUNT, "nan": None, "text": "Ærø"}
        self._results.expect_equal(STEP, f"{name}: values round-trip exactly", exact, expected)
        self._results.add(
            STEP,
            f"{name}: how the row encodes bigint and numeric",
            True,
            f"big={json.dumps(row.get('big'))}, price={json.dumps(row.get('price'))} (the SDK hands these to the caller unchanged)",
            informational=True,
        )


def _utc_2020() -> datetime.datetime:
    return datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _as_int(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _as_decimal(value: Any) -> Any:
    try:
        return decimal.Decimal(str(value))
    except (decimal.InvalidOperation, TypeError):
        return value
