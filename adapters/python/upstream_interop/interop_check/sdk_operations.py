"""Envelopes built with the SDK's own builders, over the demo world.

Importing this module imports the SDK, which reads MAINSEQUENCE_ENDPOINT and
the token at import time: the caller sets the environment first.
"""

from __future__ import annotations

import datetime
import decimal
import json
import uuid
from typing import Any

import sqlalchemy as sa
from mainsequence.client import metatables as _metatables
from mainsequence.meta_tables.compiled_sql.v1 import build_operation, compile_sqlalchemy_statement

from .demo_world import ACCOUNT_UID, ACME_ACCOUNT, ASSET_UID, DATA_SOURCE_UID, account, asset, scope_table

Operation = Any  # mainsequence.client.MetaTableCompiledSQLOperation

#: A uid for the row the write checks insert, update and delete again.
NEW_ASSET = "eeeeeeee-eeee-4eee-8eee-0000000000ff"

#: The bytes the upstream notes (sdk-contract.md, "Request envelope") say the
#: SDK sends for this envelope: `", "` separators, declaration order.
CONTRACT_EXAMPLE_TEXT = (
    '{"operation": "select", "version": "compiled-sql.v1", "dialect": "postgresql", "statement": '
    '{"sql": "SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s AND a.as_of >= %(as_of)s '
    'ORDER BY a.uid", "parameters": {"symbol_1": "%BTC%", "as_of": "2026-05-28"}, "parameter_types": '
    '{"as_of": "date"}, "paramstyle": "pyformat"}, "scope": {"data_source_uid": "dddddddd-dddd-4ddd-8ddd-dddddddddddd", '
    '"tables": [{"meta_table_uid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "alias": "a", "access": "read", '
    '"reserved_policy": "reject"}]}, "limits": {"max_rows": 500, "offset": 0, "statement_timeout_ms": 15000}}'
)


def wire_text(operation: Operation) -> str:
    """The body MetaTable.execute_operation posts for ``operation``.

    The SDK serializes with its ``_payload_json`` (``model_dump(mode="json",
    by_alias=True, exclude_none=True)`` without its ``orm_class`` bookkeeping
    keys) and requests' ``json=``, which is ``json.dumps(..., allow_nan=False)``.
    The execution step checks this against the bytes recorded on the wire.
    """
    return json.dumps(_metatables.core._payload_json(operation), allow_nan=False)


def _scope(*tables: dict[str, str]) -> dict[str, Any]:
    return {"dataSourceUid": DATA_SOURCE_UID, "tables": list(tables)}


def contract_example() -> Operation:
    """The envelope of sdk-contract.md: a date parameter, ``reservedPolicy``, ``max_rows`` 500."""
    return build_operation(
        operation="select",
        sql="SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s AND a.as_of >= %(as_of)s ORDER BY a.uid",
        parameters={"symbol_1": "%BTC%", "as_of": datetime.date(2026, 5, 28)},
        parameter_types={"as_of": "date"},
        scope={
            "data_source_uid": DATA_SOURCE_UID,
            "tables": [{"metaTableUid": ASSET_UID, "alias": "a", "reservedPolicy": "reject"}],
        },
        limits={"max_rows": 500},
    )


def docs_manual_select() -> Operation:
    """compiled-sql-execution.txt, "Build A Payload Manually", with ORDER BY for stable pages."""
    return build_operation(
        operation="select",
        sql="SELECT asset.uid, asset.symbol FROM public.asset AS asset WHERE asset.symbol ILIKE %(symbol_1)s ORDER BY asset.uid",
        parameters={"symbol_1": "%BTC%"},
        scope=_scope(scope_table(ASSET_UID, "asset")),
        limits={"max_rows": 1000, "statement_timeout_ms": 15000},
    )


def docs_upsert(symbol: str) -> Operation:
    """compiled-sql-execution.txt, "Writes", adapted to the demo table (``account_uid`` is NOT NULL)."""
    return build_operation(
        operation="upsert",
        sql=(
            "INSERT INTO public.asset (uid, account_uid, symbol) VALUES (%(uid)s, %(account_uid)s, %(symbol)s) "
            "ON CONFLICT (uid) DO UPDATE SET symbol = EXCLUDED.symbol RETURNING uid, symbol"
        ),
        parameters={"uid": uuid.UUID(NEW_ASSET), "account_uid": ACME_ACCOUNT, "symbol": symbol},
        scope=_scope(scope_table(ASSET_UID, "asset", "write")),
    )


def sqlalchemy_join() -> Operation:
    """compiled-sql-execution.txt, "Why Compile On The Client", plus a date, an IN list and LIMIT."""
    statement = (
        sa.select(asset.c.uid, asset.c.symbol, account.c.name)
        .join(account, asset.c.account_uid == account.c.uid)
        .where(account.c.uid == uuid.UUID(ACME_ACCOUNT))
        .where(asset.c.symbol.ilike("%BTC%"))
        .where(asset.c.as_of >= datetime.date(2026, 5, 28))
        .where(asset.c.decimals.in_([8, 18]))
        .order_by(asset.c.uid)
        .limit(10)
    )
    return compile_sqlalchemy_statement(
        statement,
        operation="select",
        data_source_uid=DATA_SOURCE_UID,
        scope_tables=[scope_table(ASSET_UID, "asset"), scope_table(ACCOUNT_UID, "account")],
    )


def sqlalchemy_all(table: sa.Table, meta_table_uid: str, max_rows: int | None = None) -> Operation:
    """Every row of ``table`` by uid: with the stub's page cap of 2, this pages."""
    return compile_sqlalchemy_statement(
        sa.select(table).order_by(table.c.uid),
        operation="select",
        data_source_uid=DATA_SOURCE_UID,
        scope_tables=[scope_table(meta_table_uid)],
        limits=None if max_rows is None else {"max_rows": max_rows},
    )


def sqlalchemy_percent_literal() -> Operation:
    """A literal ``%`` in SQL text: SQLAlchemy writes it ``%%`` for pyformat."""
    statement = sa.select(account.c.name).where(account.c.name.like(sa.literal_column("'100%'")))
    return compile_sqlalchemy_statement(
        statement, operation="select", data_source_uid=DATA_SOURCE_UID, scope_tables=[scope_table(ACCOUNT_UID)]
    )


def sqlalchemy_update(symbol: str) -> Operation:
    statement = (
        sa.update(asset)
        .where(asset.c.uid == uuid.UUID(NEW_ASSET))
        .values(symbol=symbol, as_of=datetime.date(2026, 7, 1))
    ).returning(asset.c.symbol, asset.c.as_of)
    return compile_sqlalchemy_statement(
        statement,
        operation="update",
        data_source_uid=DATA_SOURCE_UID,
        scope_tables=[scope_table(ASSET_UID, access="write")],
    )


def sqlalchemy_delete() -> Operation:
    statement = sa.delete(asset).where(asset.c.uid == uuid.UUID(NEW_ASSET)).returning(asset.c.uid)
    return compile_sqlalchemy_statement(
        statement,
        operation="delete",
        data_source_uid=DATA_SOURCE_UID,
        scope_tables=[scope_table(ASSET_UID, access="write")],
    )


def sqlalchemy_insert() -> Operation:
    statement = sa.insert(asset).values(uid=uuid.UUID(NEW_ASSET), account_uid=uuid.UUID(ACME_ACCOUNT), symbol="INTEROP")
    return compile_sqlalchemy_statement(
        statement,
        operation="insert",
        data_source_uid=DATA_SOURCE_UID,
        scope_tables=[scope_table(ASSET_UID, access="write")],
    )


def typed_timestamp() -> Operation:
    """An aware datetime at +02:00 with the token spelled ``TIMESTAMP_WITH_TIME_ZONE``: sent as UTC ``Z``."""
    aware = datetime.datetime(2019, 3, 14, 11, 26, 53, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    return build_operation(
        operation="select",
        sql="SELECT uid, name FROM public.account WHERE created_at = %(created_at)s",
        parameters={"created_at": aware},
        parameter_types={"created_at": "TIMESTAMP_WITH_TIME_ZONE"},
        scope=_scope(scope_table(ACCOUNT_UID)),
    )


def untyped_values() -> Operation:
    """Values without a type: Decimal and UUID become strings, NaN null, a 64-bit int stays an integer."""
    return build_operation(
        operation="select",
        sql="SELECT %(big)s::bigint AS big, %(price)s::numeric AS price, %(id)s::uuid AS id, %(nan)s::float8 AS nan, %(text)s AS text",
        parameters={
            "big": 2**63 - 1,
            "price": decimal.Decimal("12.50"),
            "id": uuid.UUID(ACME_ACCOUNT),
            "nan": float("nan"),
            "text": "Ærø",
        },
        scope=_scope(scope_table(ASSET_UID)),
    )


def positional(parameters: list[Any], parameter_types: dict[str, str] | None = None) -> Operation:
    """``%s`` placeholders with an array of values (``parameter_types`` keyed ``"0"``, ``"1"``...)."""
    return build_operation(
        operation="select",
        sql="SELECT uid, name FROM public.account WHERE created_at >= %s ORDER BY uid",
        parameters=parameters,
        parameter_types=parameter_types,
        scope=_scope(scope_table(ACCOUNT_UID)),
    )


def loose(**overrides: Any) -> Operation:
    """A select the SDK accepts with one field as loose as its model allows (see sdk_envelopes)."""
    arguments: dict[str, Any] = {
        "operation": "select",
        "sql": "SELECT uid FROM public.asset",
        "scope": _scope(scope_table(ASSET_UID)),
    }
    arguments.update(overrides)
    return build_operation(**arguments)
