"""What datamodel-code-generator reads: the canonical schemas, with two equivalent rewrites.

The canonical schemas are not changed. ``generate.py`` writes rewritten
copies to a temporary ``compiled-sql.v1`` directory and generates from those,
because the generator misreads two constructs of the canonical schemas:

1. ``discriminator`` without ``mapping``. The generator gives it OpenAPI's
   meaning, where a branch without a mapping entry is tagged with its schema
   *name*: ``WriteResult.operation`` became ``Literal['WriteResult']`` and
   every write result was rejected. :func:`add_discriminator_mappings` writes
   the mapping each branch's ``const`` or ``enum`` already implies, so the
   generated union is tagged by the real values.
2. A ``type`` list holding both ``object`` and ``array``
   (``statement.parameters``, ``ParameterValue``). The generator drops the
   object keywords then, so parameter names and values went unchecked
   (``dict[str, Any]``). :func:`split_type_lists` turns such a schema into an
   ``anyOf`` with one single-type branch per type, each carrying the keywords
   that apply to its type; JSON Schema validates both forms alike.
"""

from __future__ import annotations

import copy
from typing import Any, Iterator

#: The keywords that apply to each JSON type (the rest ignore other types).
KEYWORDS_BY_TYPE: dict[str, frozenset[str]] = {
    "object": frozenset(
        {"properties", "additionalProperties", "propertyNames", "required", "patternProperties", "minProperties", "maxProperties"}
    ),
    "array": frozenset({"items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"}),
    "number": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}),
    "integer": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}),
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "boolean": frozenset(),
    "null": frozenset(),
}


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a document, parents before children."""
    if isinstance(node, dict):
        yield node
        for value in list(node.values()):
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def _local(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    """The schema object a same-document ``$ref`` (``#/$defs/Name``) points at."""
    if not ref.startswith("#/"):
        raise ValueError(f"discriminator branch {ref!r} is not a same-document reference")
    node: Any = schema
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def add_discriminator_mappings(schema: dict[str, Any]) -> None:
    """Adds to each ``discriminator`` the value -> branch ``mapping`` its branches imply."""
    for node in _objects(schema):
        if not (isinstance(node.get("oneOf"), list) and isinstance(node.get("discriminator"), dict)):
            continue
        name = node["discriminator"]["propertyName"]
        mapping: dict[str, str] = {}
        for branch in node["oneOf"]:
            ref = branch["$ref"]
            declared = _local(schema, ref).get("properties", {}).get(name, {})
            values = [declared["const"]] if "const" in declared else declared.get("enum", [])
            for value in values:
                mapping.setdefault(value, ref)
        node["discriminator"]["mapping"] = mapping


def split_type_lists(schema: dict[str, Any]) -> None:
    """Rewrites each schema whose ``type`` lists ``object`` and ``array`` as an ``anyOf`` of single types."""
    for node in _objects(schema):
        types = node.get("type")
        if not (isinstance(types, list) and "object" in types and "array" in types):
            continue
        branches = []
        for type_ in types:
            branch = {"type": type_}
            branch.update({key: node[key] for key in sorted(KEYWORDS_BY_TYPE[type_]) if key in node})
            branches.append(branch)
        for type_ in types:
            for key in KEYWORDS_BY_TYPE[type_]:
                node.pop(key, None)
        del node["type"]
        node["anyOf"] = branches


def rewrite(schema: dict[str, Any]) -> dict[str, Any]:
    """The generator's copy of one canonical schema."""
    result = copy.deepcopy(schema)
    add_discriminator_mappings(result)
    split_type_lists(result)
    return result
