"""compiled-sql.v1 validation with ``jsonschema``, reporting issues by the protocol's language-neutral rules."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from . import schemas as _schemas
from .issues import Issue, IssueCollector

__all__ = ["DOCUMENTS", "NotJson", "Validation", "Validator", "parse_json"]

DOCUMENTS = _schemas.DOCUMENTS

# Integers are exact in Python: let a 5000-digit one through instead of refusing it.
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


class NotJson(ValueError):
    """The text is not a JSON text (RFC 8259): ``NaN`` and ``Infinity`` included."""


def _reject_constant(name: str) -> Any:
    raise NotJson(f"{name} is not JSON")


def parse_json(text: str) -> Any:
    """Parses strict JSON, keeping integers exact."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise NotJson(str(error)) from error


@dataclass(frozen=True)
class Validation:
    """The verdict on one document and, when it is invalid, its issues (never empty then)."""

    valid: bool
    issues: list[Issue]


class Validator:
    """Validates compiled-sql.v1 documents against the canonical schemas."""

    def __init__(self) -> None:
        self._schemas = _schemas.load()
        self._issues = IssueCollector(self._schemas.discriminator_branches)

    def supports(self, document: str) -> bool:
        return document in self._schemas.validators

    def validate(self, document: str, value: Any) -> Validation:
        validator = self._schemas.validators[document]
        errors = list(validator.iter_errors(value))
        if not errors:
            return Validation(valid=True, issues=[])
        issues = self._issues.collect(errors)
        if not issues:
            issues = [{"code": "invalid_value", "instancePath": "", "message": "the document does not match its schema"}]
        return Validation(valid=False, issues=issues)
