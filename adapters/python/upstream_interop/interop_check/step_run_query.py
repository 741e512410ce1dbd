"""Step 2c: MetaTable.run_query, on MetaTable objects built locally.

The upstream docs obtain the object with ``MetaTable.get(uid=...)``, a GET on
a route the protocol does not define (the probes step shows it). run_query
only needs ``uid``, and the model only requires ``management_mode`` and
``physical_table_name`` besides, so the check builds the object itself and
makes no call but run_query's own.
"""

from __future__ import annotations

import json
from typing import Any

from mainsequence.client import MetaTable

from .demo_world import ACCOUNT_UID, ASSET_UID
from .results import Results
from .seed_rows import Seed
from .wire import Wire, run_query_route

STEP = "run_query"


def _by_uid(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row["uid"])


def local_meta_table(uid: str, table: str) -> Any:
    """A MetaTable object with what run_query needs, without a backend call."""
    return MetaTable(uid=uid, management_mode="external_registered", physical_table_name=table)


class RunQuery:
    def __init__(self, wire: Wire, results: Results, seed: Seed, timeout: float) -> None:
        self._wire = wire
        self._results = results
        self._seed = seed
        self._timeout = timeout

    def run(self) -> None:
        assets = local_meta_table(ASSET_UID, "asset")
        accounts = local_meta_table(ACCOUNT_UID, "account")
        self._rows(
            "assets", assets, "SELECT * FROM public.asset ORDER BY uid", "asset", _by_uid(self._seed.rows["asset"])
        )
        self._rows(
            "accounts",
            accounts,
            "SELECT * FROM public.account ORDER BY uid",
            "account",
            _by_uid(self._seed.rows["account"]),
        )
        self._refused(assets)
        # After the writes and the refused DELETE: the table is the seed's again.
        self._rows(
            "assets at the end",
            assets,
            "SELECT * FROM public.asset ORDER BY uid",
            "asset",
            _by_uid(self._seed.rows["asset"]),
        )

    def _rows(self, name: str, meta_table: Any, sql: str, table: str, expected: list[dict[str, Any]]) -> None:
        call = self._wire.call(
            STEP,
            name,
            lambda: meta_table.run_query(sql, timeout=self._timeout),
            run_query_route(meta_table.uid),
            "run-query-request",
        )
        if call.error is not None:
            self._results.add(STEP, f"{name}: executed", False, f"{type(call.error).__name__}: {call.error}")
            return
        if call.exchanges:
            self._results.expect_equal(
                STEP, f"{name}: body is a JSON string literal", json.loads(call.exchanges[0].request_body), sql
            )
        value = call.value
        self._results.expect_equal(
            STEP, f"{name}: ok, row_count", (value.get("ok"), value.get("row_count")), (True, len(expected))
        )
        self._results.expect_equal(
            STEP,
            f"{name}: results equal the seed's",
            self._seed.response_rows(table, value.get("results") or []),
            expected,
        )

    def _refused(self, meta_table: Any) -> None:
        """A write through run_query: the SDK returns the ``ok: false`` body instead of raising."""
        name = "DELETE refused"
        call = self._wire.call(
            STEP,
            name,
            lambda: meta_table.run_query("DELETE FROM public.asset", timeout=self._timeout),
            run_query_route(meta_table.uid),
            "run-query-request",
        )
        if call.error is not None or not call.exchanges:
            self._results.add(STEP, f"{name}: returned", False, f"{type(call.error).__name__}: {call.error}")
            return
        value = call.value
        self._results.expect_equal(STEP, f"{name}: ok is false", value.get("ok"), False)
        error = value.get("error") or {}
        self._results.add(
            STEP,
            f"{name}: status and error",
            True,
            f"HTTP {call.exchanges[0].status}, code {error.get('code')}, kind {error.get('kind')}",
            informational=True,
        )
