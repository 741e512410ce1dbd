"""The Pydantic verdict on one compiled-sql.v1 wire document: valid or not, by the generated models.

How a document is read and validated, and why:

- The text is read by Python's ``json`` (``NaN`` and ``Infinity`` refused),
  integers kept exact, and a number with no fractional part (``1.0``, ``1e3``)
  read as an ``int``. JSON Schema's ``integer`` is any number with a zero
  fractional part, while Pydantic's strict ``int`` refuses every float;
  reading integral numbers as ints gives Pydantic JSON Schema's meaning.
- The models validate in **strict** mode. Lax mode coerces ``"1000"`` into
  ``1000`` and ``1`` into ``True``, which the wire forbids.
"""

from __future__ import annotations

import json
import math
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from compiled_sql_models import (
    error_response_schema,
    operation_result_schema,
    operation_schema,
    run_query_request_schema,
    run_query_response_schema,
)

#: The generated model of each wire document a case may name.
MODELS: dict[str, type[BaseModel] | type[RootModel[Any]]] = {
    "operation": operation_schema.CompiledSqlOperation,
    "operation-result": operation_result_schema.OperationResult,
    "error-response": error_response_schema.ErrorResponse,
    "run-query-request": run_query_request_schema.RunQueryRequest,
    "run-query-response": run_query_response_schema.RunQueryResponse,
}


class NotJson(ValueError):
    """The text is not a JSON text (RFC 8259)."""


def _number(literal: str) -> int | float:
    value = float(literal)
    return int(value) if math.isfinite(value) and value.is_integer() else value


def _reject_constant(name: str) -> Any:
    raise NotJson(f"{name} is not JSON")


def read_json(text: str) -> Any:
    """Parses strict JSON, with integral numbers as ``int`` (see the module comment)."""
    try:
        return json.loads(text, parse_float=_number, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise NotJson(str(error)) from error


def verdict(document: str, text: str) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the generated model of ``document`` accepts ``text``, and Pydantic's errors when not."""
    model = MODELS[document]
    try:
        model.model_validate(read_json(text), strict=True)
    except ValidationError as error:
        return False, error.errors(include_url=False, include_context=False, include_input=False)
    return True, []
