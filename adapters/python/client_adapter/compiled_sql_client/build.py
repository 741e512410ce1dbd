"""``build_operation``: the upstream SDK's builder, producing a validated snake_case envelope."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .encode import encode_parameters
from .errors import OperationBuildError
from .pointer import append_pointer
from .protocol import DEFAULT_LIMITS, DIALECT, PARAMSTYLE, PROTOCOL_VERSION

# The envelope validator is the repository's jsonschema one (adapters/python/compiled_sql_validator).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from compiled_sql_validator import Validator  # noqa: E402

DATA_SOURCE_ENV_VAR = "COMPILED_SQL_DATA_SOURCE_UID"
_TOP = ("operation", "sql", "parameters", "parameter_types", "scope", "limits", "version", "dialect", "paramstyle")
_SCOPE = ("data_source_uid", "dataSourceUid", "tables")
_TABLE = ("meta_table_uid", "metaTableUid", "alias", "access", "reserved_policy", "reservedPolicy")
_LIMITS = ("max_rows", "offset", "statement_timeout_ms")
_validator: Validator | None = None


def _record(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise OperationBuildError("invalid_type", path, f"expected an object, got {type(value).__name__}")
    return value


def _reject_unknown(value: dict[str, Any], known: tuple[str, ...], path: str) -> None:
    for key in value:
        if key not in known:
            raise OperationBuildError("unknown_field", append_pointer(path, key), f"{key!r} is not a field here; expected one of {', '.join(known)}")


def _spelled(value: dict[str, Any], snake: str, camel: str, path: str) -> Any:
    """A field in either spelling, as the upstream SDK accepts ``metaTableUid``; both at once is an error."""
    if value.get(snake) is not None and value.get(camel) is not None:
        raise OperationBuildError("invalid_value", append_pointer(path, snake), f"both {camel} and {snake} are given; keep one spelling")
    return value.get(snake) if value.get(snake) is not None else value.get(camel)


def _without_none(value: dict[str, Any]) -> dict[str, Any]:
    """Drops None-valued fields, as the upstream SDK serializes (``null`` inside parameters is kept)."""
    return {key: item for key, item in value.items() if item is not None}


def _table(value: Any, path: str) -> Any:
    table = _record(value, path)
    _reject_unknown(table, _TABLE, path)
    return _without_none({
        "meta_table_uid": _spelled(table, "meta_table_uid", "metaTableUid", path),
        "alias": table.get("alias"),
        # Serialized explicitly, so the wire never depends on a server's default.
        "access": table.get("access", "read"),
        "reserved_policy": _spelled(table, "reserved_policy", "reservedPolicy", path),
    })


def _data_source(explicit: Any, default: str | None) -> Any:
    if explicit is not None:
        return explicit
    resolved = default or os.environ.get(DATA_SOURCE_ENV_VAR) or None
    if resolved is None:
        raise OperationBuildError("missing_field", "/scope/data_source_uid", f"no data source: set scope.data_source_uid, configure a default, or set {DATA_SOURCE_ENV_VAR}")
    return resolved


def validated_envelope(envelope: Any) -> dict[str, Any]:
    """``envelope`` when it passes the protocol's envelope schema; else ``OperationBuildError`` for its first issue (every issue in ``issues``)."""
    global _validator
    _validator = _validator or Validator()
    result = _validator.validate("operation", envelope)
    if result.valid:
        return envelope
    first = result.issues[0]
    raise OperationBuildError(first["code"], first["instancePath"], first.get("message", first["code"]), issues=list(result.issues))


def build_operation(
    operation: Any,
    sql: Any,
    scope: Any,
    parameters: Any = None,
    parameter_types: Any = None,
    limits: Any = None,
    *,
    version: Any = None,
    dialect: Any = None,
    paramstyle: Any = None,
    default_data_source_uid: str | None = None,
) -> dict[str, Any]:
    """
    Builds a compiled-sql.v1 envelope as the upstream SDK's ``build_operation``
    does: snake_case, in the SDK's key order, with version, dialect, paramstyle,
    empty parameters, ``access: "read"`` and the limits defaults (1000, 0,
    15000) filled in, parameters encoded, and a concrete data source (explicit,
    then ``default_data_source_uid``, then ``COMPILED_SQL_DATA_SOURCE_UID``).
    The result passes the protocol's envelope schema.

    Raises ``OperationBuildError`` with a protocol code and the JSON Pointer of
    the offending field.
    """
    scope_record = _record(scope, "/scope")
    _reject_unknown(scope_record, _SCOPE, "/scope")
    tables = scope_record.get("tables")
    if isinstance(tables, list):
        tables = [_table(table, append_pointer("/scope/tables", index)) for index, table in enumerate(tables)]
    limits_record = _record({} if limits is None else limits, "/limits")
    _reject_unknown(limits_record, _LIMITS, "/limits")
    encoded, types = encode_parameters(parameters, parameter_types)
    data_source = _data_source(_spelled(scope_record, "data_source_uid", "dataSourceUid", "/scope"), default_data_source_uid)
    envelope = {
        "operation": operation,
        "version": PROTOCOL_VERSION if version is None else version,
        "dialect": DIALECT if dialect is None else dialect,
        "statement": _without_none({"sql": sql, "parameters": encoded, "parameter_types": types, "paramstyle": PARAMSTYLE if paramstyle is None else paramstyle}),
        "scope": {"data_source_uid": data_source, "tables": tables},
        "limits": {name: limits_record.get(name, DEFAULT_LIMITS[name]) for name in _LIMITS},
    }
    return validated_envelope(envelope)
