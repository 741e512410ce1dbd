"""The two rewrites of the generator's input keep the schema's meaning."""

from __future__ import annotations

import copy
import unittest

from generator_input import add_discriminator_mappings, rewrite, split_type_lists

RESULT = {
    "oneOf": [{"$ref": "#/$defs/Select"}, {"$ref": "#/$defs/Write"}],
    "discriminator": {"propertyName": "operation"},
    "$defs": {
        "Select": {"properties": {"operation": {"const": "select"}}},
        "Write": {"properties": {"operation": {"enum": ["insert", "update"]}}},
    },
}

PARAMETERS = {
    "type": ["object", "array"],
    "propertyNames": {"minLength": 1},
    "additionalProperties": {"$ref": "#/$defs/Value"},
    "items": {"$ref": "#/$defs/Value"},
    "description": "kept",
}


class DiscriminatorMappingTest(unittest.TestCase):
    def test_each_value_maps_to_the_branch_declaring_it(self) -> None:
        schema = copy.deepcopy(RESULT)
        add_discriminator_mappings(schema)
        self.assertEqual(
            schema["discriminator"]["mapping"],
            {"select": "#/$defs/Select", "insert": "#/$defs/Write", "update": "#/$defs/Write"},
        )

    def test_a_reference_to_another_document_is_refused(self) -> None:
        schema = {"oneOf": [{"$ref": "other.json#/X"}], "discriminator": {"propertyName": "type"}}
        with self.assertRaises(ValueError):
            add_discriminator_mappings(schema)


class SplitTypeListsTest(unittest.TestCase):
    def test_each_type_gets_its_own_keywords(self) -> None:
        schema = copy.deepcopy(PARAMETERS)
        split_type_lists(schema)
        self.assertEqual(
            schema,
            {
                "description": "kept",
                "anyOf": [
                    {"type": "object", "additionalProperties": {"$ref": "#/$defs/Value"}, "propertyNames": {"minLength": 1}},
                    {"type": "array", "items": {"$ref": "#/$defs/Value"}},
                ],
            },
        )

    def test_a_type_list_without_object_and_array_is_left_alone(self) -> None:
        schema = {"type": ["string", "integer"], "pattern": "^-?[0-9]+$", "minimum": 0}
        split_type_lists(schema)
        self.assertEqual(schema, {"type": ["string", "integer"], "pattern": "^-?[0-9]+$", "minimum": 0})

    def test_rewrite_leaves_the_canonical_schema_untouched(self) -> None:
        schema = {"properties": {"p": copy.deepcopy(PARAMETERS)}, **copy.deepcopy(RESULT)}
        before = copy.deepcopy(schema)
        rewritten = rewrite(schema)
        self.assertEqual(schema, before)
        self.assertIn("anyOf", rewritten["properties"]["p"])
        self.assertIn("mapping", rewritten["discriminator"])


if __name__ == "__main__":
    unittest.main()
