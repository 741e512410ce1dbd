"""The canonical compiled-sql.v1 schemas, loaded once, and a validator per wire document."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import ecma_regex

#: ``schemas/compiled-sql.v1`` of the repository, relative to this file.
SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas" / "compiled-sql.v1"

#: The meta-schema every canonical schema names.
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

#: The wire documents a ``validate`` request may name, as in ``adapter-request.schema.json``.
DOCUMENTS = ("operation", "operation-result", "error-response", "run-query-request", "run-query-response")


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """``pattern`` with ECMA-262 semantics, as JSON Schema requires."""
    if validator.is_type(instance, "string") and not ecma_regex.search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def within_double_range(number: Any) -> bool:
    """Whether a JSON number reads as a finite double, as I-JSON (RFC 7493) requires.

    ``json.loads`` reads ``1e400`` as ``inf`` and a 401-digit integer as an
    exact ``int``; JavaScript reads both as ``Infinity``. ``float()`` rounds an
    ``int`` as ``JSON.parse`` rounds the literal, so both languages draw the line
    at the same value.
    """
    try:
        return math.isfinite(float(number))
    except OverflowError:
        return False


_BASE_TYPES = Draft202012Validator.TYPE_CHECKER

#: A number beyond the double range has no type: the protocol makes it
#: ``invalid_type`` at its pointer, and ``minimum``/``maximum`` (which skip
#: non-numbers) then add no ``too_small``/``too_big`` for it.
_TYPES = _BASE_TYPES.redefine_many({
    "number": lambda _, instance: _BASE_TYPES.is_type(instance, "number") and within_double_range(instance),
    "integer": lambda _, instance: _BASE_TYPES.is_type(instance, "integer") and within_double_range(instance),
})

#: Draft 2020-12 with ECMA-262 ``pattern`` and I-JSON numbers. (No schema uses ``patternProperties``.)
EcmaDraft202012Validator = validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=_TYPES)


@dataclass(frozen=True)
class Schemas:
    """Every schema of the directory, by ``$id`` and by document name, with their validators."""

    registry: Registry
    by_name: dict[str, dict[str, Any]]
    validators: dict[str, Any]
    #: For each schema object with ``oneOf`` and a ``discriminator``: discriminator value -> branch index.
    discriminator_branches: dict[int, dict[str, int]]


def _discriminated(node: Any, base: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every schema object under ``node`` holding both ``oneOf`` and ``discriminator``, with its base URI."""
    if isinstance(node, dict):
        base = node.get("$id", base) if isinstance(node.get("$id"), str) else base
        if isinstance(node.get("oneOf"), list) and isinstance(node.get("discriminator"), dict):
            yield node, base
        for value in node.values():
            yield from _discriminated(value, base)
    elif isinstance(node, list):
        for value in node:
            yield from _discriminated(value, base)


def _branch_values(registry: Registry, base: str, branch: Any, property_name: str) -> list[str]:
    """The discriminator values a ``oneOf`` branch accepts: its property's ``const`` or ``enum``."""
    resolver = registry.resolver(base_uri=base)
    while isinstance(branch, dict) and "$ref" in branch:
        resolved = resolver.lookup(branch["$ref"])
        branch, resolver = resolved.contents, resolved.resolver
    prop = branch.get("properties", {}).get(property_name, {}) if isinstance(branch, dict) else {}
    if "const" in prop:
        return [prop["const"]] if isinstance(prop["const"], str) else []
    return [value for value in prop.get("enum", []) if isinstance(value, str)]


def load(directory: Path = SCHEMA_DIR) -> Schemas:
    """Loads every ``*.schema.json`` of ``directory`` into a registry keyed by ``$id``."""
    by_name: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        # At a `$ref` into another file, jsonschema picks the validator class
        # from that file's `$schema`: the stock Draft 2020-12 one, without ECMA
        # patterns or I-JSON numbers. Every file is 2020-12, the registry's
        # default, so without `$schema` our class carries across files.
        if schema.pop("$schema", DRAFT_2020_12) != DRAFT_2020_12:
            raise ValueError(f"{path.name} is not a Draft 2020-12 schema")
        by_name[path.name.removesuffix(".schema.json")] = schema
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012)) for schema in by_name.values()
    )
    branches: dict[int, dict[str, int]] = {}
    for schema in by_name.values():
        for node, base in _discriminated(schema, schema["$id"]):
            property_name = node["discriminator"].get("propertyName")
            mapping: dict[str, int] = {}
            for index, branch in enumerate(node["oneOf"]):
                for value in _branch_values(registry, base, branch, property_name):
                    mapping.setdefault(value, index)
            # Keyed by identity: the validator hands back these very dicts in its errors.
            branches[id(node)] = mapping
    validators_by_name = {
        name: EcmaDraft202012Validator(by_name[name], registry=registry) for name in DOCUMENTS if name in by_name
    }
    return Schemas(registry=registry, by_name=by_name, validators=validators_by_name, discriminator_branches=branches)
