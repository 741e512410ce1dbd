"""The language-neutral issue rules: from jsonschema errors to ``{code, instancePath, message}``.

The rules (``docs/protocol/compiled-sql.v1.md`` section 10) in short: the code
comes from the failing keyword, an ``x-error-code`` on the schema object that
holds it wins, ``required`` and ``additionalProperties`` point at the missing or
unknown field itself, ``propertyNames`` points at the offending property, a
``oneOf`` with a ``discriminator`` reports the selected branch's errors, and
summary keywords are never issues themselves. A number beyond the range of a
double (``1e400``) fails ``type`` (see ``schemas.within_double_range``), so it
is ``invalid_type`` at its pointer and never ``too_big`` or ``too_small``.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from jsonschema.exceptions import ValidationError

from . import ecma_regex
from .schemas import within_double_range

CODE_BY_KEYWORD = {
    "required": "missing_field",
    "additionalProperties": "unknown_field",
    "type": "invalid_type",
    "enum": "invalid_value",
    "const": "invalid_value",
    "uniqueItems": "invalid_value",
    "pattern": "invalid_format",
    "format": "invalid_format",
    "minLength": "too_small",
    "minItems": "too_small",
    "minProperties": "too_small",
    "minimum": "too_small",
    "exclusiveMinimum": "too_small",
    "maxLength": "too_big",
    "maxItems": "too_big",
    "maxProperties": "too_big",
    "maximum": "too_big",
    "exclusiveMaximum": "too_big",
}

#: Keywords that only summarize failures reported beneath them (or, for
#: ``oneOf``/``anyOf``, in their ``context``).
SUMMARY_KEYWORDS = frozenset({"propertyNames", "oneOf", "anyOf", "allOf", "if", "then", "else", "not"})

#: Keywords whose next schema-path token is a name or an index, not a keyword.
_KEYWORDS_WITH_ARGUMENT = frozenset(
    {"properties", "patternProperties", "dependentSchemas", "allOf", "anyOf", "oneOf", "prefixItems", "$defs"}
)

Issue = dict[str, str]


def escape_token(token: Any) -> str:
    """Escapes one JSON Pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path: Iterable[Any]) -> str:
    """The JSON Pointer of an instance path."""
    return "".join("/" + escape_token(token) for token in path)


def _inside_property_names(error: ValidationError) -> bool:
    """Whether the failing keyword sits under a ``propertyNames`` (so the instance is a property name)."""
    tokens = list(error.absolute_schema_path)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "propertyNames":
            return True
        index += 2 if token in _KEYWORDS_WITH_ARGUMENT else 1
    return False


def _code(error: ValidationError) -> str:
    override = error.schema.get("x-error-code") if isinstance(error.schema, dict) else None
    return override if isinstance(override, str) else CODE_BY_KEYWORD.get(str(error.validator), "invalid_value")


def _beyond_double_range(instance: Any) -> bool:
    return isinstance(instance, (int, float)) and not isinstance(instance, bool) and not within_double_range(instance)


def _extra_properties(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    return [
        name
        for name in error.instance
        if name not in known and not any(ecma_regex.search(pattern, name) for pattern in patterns)
    ]


class IssueCollector:
    """Turns the errors of one validation into issues, deduplicated by ``(code, instancePath)``."""

    def __init__(self, discriminator_branches: dict[int, dict[str, int]]) -> None:
        self._branches = discriminator_branches

    def collect(self, errors: Iterable[ValidationError]) -> list[Issue]:
        issues: list[Issue] = []
        seen: set[tuple[str, str]] = set()
        for error in errors:
            for issue in self._issues_of(error):
                key = (issue["code"], issue["instancePath"])
                if key not in seen:
                    seen.add(key)
                    issues.append(issue)
        return issues

    def _issues_of(self, error: ValidationError) -> Iterator[Issue]:
        keyword = str(error.validator)
        if keyword in ("oneOf", "anyOf"):
            yield from self._branch_issues(error)
            return
        if keyword in SUMMARY_KEYWORDS:
            return
        code = _code(error)
        at = pointer(error.absolute_path)
        if keyword == "required":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    yield {"code": code, "instancePath": f"{at}/{escape_token(name)}", "message": f"{name} is required"}
        elif keyword == "additionalProperties":
            for name in _extra_properties(error):
                message = f"{name} is not a field of this object (the wire is snake_case)"
                yield {"code": code, "instancePath": f"{at}/{escape_token(name)}", "message": message}
        elif _inside_property_names(error):
            yield {"code": code, "instancePath": f"{at}/{escape_token(error.instance)}", "message": f"property name {error.message}"}
        elif keyword == "type" and _beyond_double_range(error.instance):
            message = "the number is beyond the range of a double (I-JSON, RFC 7493)"
            yield {"code": code, "instancePath": at, "message": message}
        else:
            yield {"code": code, "instancePath": at, "message": error.message}

    def _branch_issues(self, error: ValidationError) -> Iterator[Issue]:
        schema = error.schema if isinstance(error.schema, dict) else {}
        mapping = self._branches.get(id(schema)) if error.validator == "oneOf" else None
        if mapping is None:
            # No discriminator: every branch's errors, as an allErrors validator reports them.
            for sub in error.context:
                yield from self._issues_of(sub)
            return
        if not isinstance(error.instance, dict):
            return  # The schema's own `type: object` reports it.
        name = schema["discriminator"]["propertyName"]
        at = f"{pointer(error.absolute_path)}/{escape_token(name)}"
        if name not in error.instance:
            yield {"code": "missing_field", "instancePath": at, "message": f"{name} is required"}
            return
        value = error.instance[name]
        branch = mapping.get(value) if isinstance(value, str) else None
        if branch is None:
            yield {"code": "invalid_value", "instancePath": at, "message": f"{value!r} is not one of {sorted(mapping)}"}
            return
        for sub in error.context:
            if sub.relative_schema_path and sub.relative_schema_path[0] == branch:
                yield from self._issues_of(sub)
