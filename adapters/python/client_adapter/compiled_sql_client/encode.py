"""Parameter encoding: Python values to the protocol's JSON encodings (section 3.2)."""

from __future__ import annotations

import base64
import datetime as dt
import math
import uuid
from decimal import Decimal
from typing import Any

from .errors import OperationBuildError
from .pointer import append_pointer

PARAMETERS = "/statement/parameters"
TYPES = "/statement/parameter_types"


def normalize_type_token(token: str) -> str:
    """Lowercase, ``_`` as a space, as the upstream SDK does: ``TIMESTAMP_WITH_TIME_ZONE`` is ``timestamp with time zone``."""
    return token.strip().lower().replace("_", " ")


def _timestamp(value: dt.datetime, path: str) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise OperationBuildError("invalid_parameter_value", path, "a naive datetime has no instant; attach a time zone")
    return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _json(value: Any, path: str) -> Any:
    """A nested (or untyped) value as JSON."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise OperationBuildError("invalid_parameter_value", path, f"{value} has no JSON form; pass None, or a string with the type numeric")
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, dt.datetime):
        return _timestamp(value, path)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (list, tuple)):
        return [_json(item, append_pointer(path, index)) for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: _json(item, append_pointer(path, key)) for key, item in value.items()}
    raise OperationBuildError("invalid_type", path, f"a {type(value).__name__} is not a parameter value")


def encode_value(value: Any, path: str, token: str | None) -> tuple[Any, str | None]:
    """One top-level value and the type token it is sent with (the explicit one wins over the inferred one)."""
    if isinstance(value, dt.datetime):
        if token not in (None, "timestamp with time zone", "date"):
            raise OperationBuildError("invalid_parameter_value", path, f"a datetime cannot be sent as {token!r}")
        encoded = _timestamp(value, path)
        return (encoded[:10], "date") if token == "date" else (encoded, "timestamp with time zone")
    if isinstance(value, dt.date):
        return value.isoformat(), token or "date"
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii"), token or "bytes"
    return _json(value, path), token


def encode_parameters(parameters: Any, parameter_types: Any) -> tuple[Any, dict[str, str] | None]:
    """Encodes every parameter and collects ``parameter_types``: explicit tokens (normalized) and inferred ones."""
    if parameters is None:
        parameters = {}
    if isinstance(parameters, (list, tuple)):
        entries = [(str(index), value) for index, value in enumerate(parameters)]
    elif isinstance(parameters, dict):
        entries = list(parameters.items())
    else:
        # Left for the envelope validator, which reports it at /statement/parameters.
        return parameters, None
    explicit = {}
    if isinstance(parameter_types, dict):
        names = {name for name, _ in entries}
        for name, token in parameter_types.items():
            if name not in names:
                raise OperationBuildError("unknown_parameter", append_pointer(TYPES, name), f"a type is given for {name!r}, which is not a parameter")
            explicit[name] = normalize_type_token(token) if isinstance(token, str) else token
    types: dict[str, str] = {}
    values = []
    for name, value in entries:
        encoded, token = encode_value(value, append_pointer(PARAMETERS, name), explicit.get(name))
        if token is not None:
            types[name] = token
        values.append(encoded)
    encoded_parameters: Any = values if isinstance(parameters, (list, tuple)) else dict(zip((n for n, _ in entries), values))
    return encoded_parameters, (types or None)
