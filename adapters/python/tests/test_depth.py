"""Nesting depth: the protocol guarantees 64 levels; deeper may be ``too_big`` at the root, never a crash."""

import unittest

from compiled_sql_adapter import answer
from compiled_sql_validator import MAX_GUARANTEED_DEPTH, TooDeep, Validator, parse_json

VALIDATOR = Validator()


def operation_text(parameter: str) -> str:
    """An operation whose one parameter is ``parameter`` (JSON text); the envelope adds three levels."""
    return (
        '{"operation": "select", "version": "compiled-sql.v1", "statement": {"sql": "SELECT %(x)s", '
        f'"parameters": {{"x": {parameter}}}}}, "scope": {{"tables": [{{"meta_table_uid": "a"}}]}}}}'
    )


def arrays(depth: int) -> str:
    return "[" * depth + "]" * depth


def validate_text(text: str) -> dict:
    return answer(VALIDATOR, {"type": "validate", "id": "t", "document": "operation", "text": text})


class DepthTest(unittest.TestCase):
    def test_accepts_the_guaranteed_depth(self) -> None:
        response = validate_text(operation_text(arrays(MAX_GUARANTEED_DEPTH - 3)))
        self.assertEqual((response["type"], response["valid"]), ("result", True))

    def test_a_document_too_deep_to_validate_is_too_big_at_the_root(self) -> None:
        value: object = []
        for _ in range(5000):
            value = [value]
        statement = {"sql": "SELECT %(x)s", "parameters": {"x": value}}
        result = VALIDATOR.validate("operation", {**parse_json(operation_text("1")), "statement": statement})
        self.assertFalse(result.valid)
        self.assertEqual([(i["code"], i["instancePath"]) for i in result.issues], [("too_big", "")])

    def test_a_text_too_deep_to_read_is_too_big_at_the_root(self) -> None:
        text = operation_text(arrays(200_000))
        with self.assertRaises(TooDeep):
            parse_json(text)
        response = validate_text(text)
        self.assertEqual(response["type"], "result")
        self.assertFalse(response["valid"])
        self.assertEqual([(i["code"], i["instancePath"]) for i in response["issues"]], [("too_big", "")])


if __name__ == "__main__":
    unittest.main()
