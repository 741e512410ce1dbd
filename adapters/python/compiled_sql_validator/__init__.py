"""compiled-sql.v1 validation with ``jsonschema``, reporting issues by the protocol's language-neutral rules."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from . import schemas as _schemas
from .issues import Issue, IssueCollector

__all__ = ["DOCUMENTS", "MAX_GUARANTEED_DEPTH", "NotJson", "TooDeep", "Validation", "Validator", "parse_json", "too_deep"]

DOCUMENTS = _schemas.DOCUMENTS

# Integers are exact in Python: let a 5000-digit one through instead of refusing it.
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


#: The nesting depth every compiled-sql.v1 validator must accept. Deeper
#: documents may be rejected with ``too_big`` at the root; this one reads and
#: validates as deep as Python's recursion limit allows (some 250 levels).
MAX_GUARANTEED_DEPTH = 64


class NotJson(ValueError):
    """The text is not a JSON text (RFC 8259): ``NaN`` and ``Infinity`` included."""


class TooDeep(ValueError):
    """The text is JSON, but nested more deeply than ``json`` can read within the recursion limit."""


def _reject_constant(name: str) -> Any:
    raise NotJson(f"{name} is not JSON")


def parse_json(text: str) -> Any:
    """Parses strict JSON, keeping integers exact."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise NotJson(str(error)) from error
    except RecursionError as error:
        raise TooDeep(str(error)) from error


@dataclass(frozen=True)
class Validation:
    """The verdict on one document and, when it is invalid, its issues (never empty then)."""

    valid: bool
    issues: list[Issue]


def too_deep() -> Validation:
    """The verdict on a document nested more deeply than this validator supports."""
    message = (
        "the document is nested more deeply than this validator supports"
        f" (the protocol guarantees {MAX_GUARANTEED_DEPTH} levels)"
    )
    return Validation(valid=False, issues=[{"code": "too_big", "instancePath": "", "message": message}])


class Validator:
    """Validates compiled-sql.v1 documents against the canonical schemas."""

    def __init__(self) -> None:
        self._schemas = _schemas.load()
        self._issues = IssueCollector(self._schemas.discriminator_branches)

    def supports(self, document: str) -> bool:
        return document in self._schemas.validators

    def validate(self, document: str, value: Any) -> Validation:
        validator = self._schemas.validators[document]
        try:
            errors = list(validator.iter_errors(value))
            if not errors:
                return Validation(valid=True, issues=[])
            issues = self._issues.collect(errors)
        except RecursionError:
            # jsonschema recurses a few frames per level of the document.
            return too_deep()
        if not issues:
            issues = [{"code": "invalid_value", "instancePath": "", "message": "the document does not match its schema"}]
        return Validation(valid=False, issues=issues)
