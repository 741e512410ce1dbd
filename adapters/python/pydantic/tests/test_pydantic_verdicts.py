"""The generated models, read and validated as pydantic_verdicts does, give JSON Schema's verdicts."""

from __future__ import annotations

import json
import unittest

from pydantic_verdicts import NotJson, read_json, verdict

UID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"


def operation(**changes: object) -> str:
    document: dict[str, object] = {
        "operation": "select",
        "version": "compiled-sql.v1",
        "statement": {"sql": "SELECT 1"},
        "scope": {"tables": [{"meta_table_uid": UID}]},
    }
    document.update(changes)
    return json.dumps(document)


def write_result(**changes: object) -> str:
    document: dict[str, object] = {
        "ok": True, "operation": "insert", "dialect": "postgresql", "row_count": 1, "rows": [],
        "truncated": False, "max_rows": 1, "scope": {"meta_table_uids": [UID], "data_source_uid": "d"},
    }
    document.update(changes)
    return json.dumps(document)


class ReadJsonTest(unittest.TestCase):
    def test_integral_numbers_are_ints_and_big_ones_stay_exact(self) -> None:
        self.assertEqual(read_json("[1.0, 1e3, 1.5, 9007199254740993]"), [1, 1000, 1.5, 9007199254740993])
        self.assertIsInstance(read_json("1.0"), int)

    def test_nan_and_infinity_are_not_json(self) -> None:
        for text in ("NaN", "[Infinity]", "{", "1 2"):
            with self.assertRaises(NotJson, msg=text):
                read_json(text)


class VerdictTest(unittest.TestCase):
    def assertVerdict(self, document: str, text: str, expected: bool) -> None:
        accepted, errors = verdict(document, text)
        self.assertEqual(accepted, expected, f"{text}: {errors}")
        self.assertEqual(errors == [], expected)

    def test_integers_by_json_schema_not_by_python_type(self) -> None:
        self.assertVerdict("operation", operation(limits={"max_rows": 1.0}), True)
        self.assertVerdict("operation", operation(limits={"max_rows": 1.5}), False)
        self.assertVerdict("operation", operation(limits={"max_rows": 9007199254740992}), False)

    def test_strict_mode_refuses_what_lax_mode_would_coerce(self) -> None:
        self.assertVerdict("operation", operation(limits={"max_rows": "10"}), False)
        self.assertVerdict("error-response", json.dumps({"ok": False, "error": {
            "code": "rate_limited", "kind": "rate_limited", "message": "m", "retryable": 1}}), False)

    def test_optional_fields_may_be_absent_but_not_null(self) -> None:
        self.assertVerdict("operation", operation(limits={}), True)
        self.assertVerdict("operation", operation(limits=None), False)
        self.assertVerdict("operation", operation(scope={"tables": [{"meta_table_uid": UID, "access": None}]}), False)

    def test_the_discriminator_selects_by_value(self) -> None:
        self.assertVerdict("operation-result", write_result(), True)
        self.assertVerdict("operation-result", write_result(operation="WriteResult"), False)
        self.assertVerdict("operation-result", write_result(pagination={}), False)

    def test_named_parameters_keep_their_name_and_value_schemas(self) -> None:
        self.assertVerdict("operation", operation(statement={"sql": "S", "parameters": {"a": [1, {"b": None}]}}), True)
        self.assertVerdict("operation", operation(statement={"sql": "S", "parameters": {"a)": 1}}), False)
        self.assertVerdict("operation", operation(statement={"sql": "S", "parameters": {"": 1}}), False)
        beyond = '{"operation":"select","version":"compiled-sql.v1","statement":{"sql":"S","parameters":{"a":{"b":[1e400]}}},"scope":{"tables":[{"meta_table_uid":"x"}]}}'
        self.assertVerdict("operation", beyond, False)

    def test_run_query_request_is_a_string_with_a_visible_character(self) -> None:
        self.assertVerdict("run-query-request", '"SELECT 1"', True)
        self.assertVerdict("run-query-request", '"\\u00a0\\ufeff"', False)
        self.assertVerdict("run-query-request", '{"sql": "SELECT 1"}', False)


if __name__ == "__main__":
    unittest.main()
