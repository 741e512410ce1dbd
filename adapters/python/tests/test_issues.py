"""The language-neutral issue rules, on the real schemas."""

import json
import sys
import unittest

from compiled_sql_validator import Validator

OPERATION = {
    "operation": "select",
    "version": "compiled-sql.v1",
    "statement": {"sql": "SELECT 1"},
    "scope": {"tables": [{"meta_table_uid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"}]},
}

VALIDATOR = Validator()


def issues(document: str, value: object) -> set[tuple[str, str]]:
    result = VALIDATOR.validate(document, value)
    return {(issue["code"], issue["instancePath"]) for issue in result.issues}


def with_(base: dict, **changes: object) -> dict:
    return {**json.loads(json.dumps(base)), **changes}


def statement_with(parameter: str) -> dict:
    """A statement whose parameter ``x`` is the JSON text ``parameter``, read as the adapter reads it."""
    return json.loads(f'{{"sql": "SELECT %(x)s", "parameters": {{"x": {parameter}}}}}')


class IssueRulesTest(unittest.TestCase):
    def test_valid_envelope_has_no_issues(self) -> None:
        result = VALIDATOR.validate("operation", OPERATION)
        self.assertEqual((result.valid, result.issues), (True, []))

    def test_required_points_at_each_missing_field(self) -> None:
        self.assertLessEqual({
            ("missing_field", "/operation"),
            ("missing_field", "/version"),
            ("missing_field", "/statement/sql"),
            ("missing_field", "/scope/tables/0/meta_table_uid"),
        }, issues("operation", {"statement": {}, "scope": {"tables": [{}]}}))

    def test_additional_properties_points_at_each_unknown_field(self) -> None:
        found = issues("operation", with_(OPERATION, metaTableUid="x", extra=1))
        self.assertLessEqual({("unknown_field", "/metaTableUid"), ("unknown_field", "/extra")}, found)

    def test_x_error_code_wins_for_every_keyword_of_its_schema(self) -> None:
        self.assertEqual(issues("operation", with_(OPERATION, version=1)), {("unsupported_version", "/version")})
        self.assertEqual(issues("operation", with_(OPERATION, dialect="mysql")), {("unsupported_dialect", "/dialect")})

    def test_property_names_points_at_the_property_with_the_inner_code(self) -> None:
        statement = {"sql": "SELECT 1", "parameters": {"": 1, "a~b)": 2}}
        self.assertEqual(
            issues("operation", with_(OPERATION, statement=statement)),
            {("too_small", "/statement/parameters/"), ("invalid_format", "/statement/parameters/"),
             ("invalid_format", "/statement/parameters/a~0b)")},
        )

    def test_discriminator_reports_the_selected_branch_only(self) -> None:
        found = issues("operation-result", {"ok": True, "operation": "insert", "dialect": "postgresql"})
        self.assertIn(("missing_field", "/row_count"), found)
        self.assertNotIn(("invalid_value", "/operation"), found)

    def test_discriminator_missing_unknown_or_not_a_string(self) -> None:
        self.assertIn(("missing_field", "/operation"), issues("operation-result", {"ok": True}))
        self.assertEqual(issues("operation-result", {"ok": True, "operation": "merge"}), {("invalid_value", "/operation")})
        self.assertEqual(issues("operation-result", {"ok": True, "operation": 5}), {("invalid_value", "/operation")})

    def test_a_non_object_response_is_a_type_issue_at_the_root(self) -> None:
        self.assertEqual(issues("operation-result", []), {("invalid_type", "")})

    def test_integers_are_exact(self) -> None:
        limits = {"max_rows": 9007199254740993}
        self.assertEqual(issues("operation", with_(OPERATION, limits=limits)), {("too_big", "/limits/max_rows")})
        limits = {"max_rows": 9007199254740991}
        self.assertTrue(VALIDATOR.validate("operation", with_(OPERATION, limits=limits)).valid)

    def test_a_number_beyond_the_double_range_is_invalid_type_only(self) -> None:
        cases = (("1e400", "/x"), ("-1e400", "/x"), ("1" + "0" * 400, "/x"), ("[1.5, 1e400]", "/x/1"))
        for text, at in cases:
            with self.subTest(text=text):
                found = issues("operation", with_(OPERATION, statement=statement_with(text)))
                self.assertEqual(found, {("invalid_type", f"/statement/parameters{at}")})
        found = issues("operation", with_(OPERATION, limits=json.loads('{"max_rows": 1e400, "offset": -1e400}')))
        self.assertEqual(found, {("invalid_type", "/limits/max_rows"), ("invalid_type", "/limits/offset")})

    def test_the_largest_doubles_are_in_range(self) -> None:
        for text in ("1.7976931348623157e308", "-1.7976931348623157e308", "5e-324", str(int(sys.float_info.max))):
            with self.subTest(text=text):
                self.assertTrue(VALIDATOR.validate("operation", with_(OPERATION, statement=statement_with(text))).valid)

    def test_sqlstate_is_exactly_five_characters(self) -> None:
        def error(sqlstate: str) -> dict:
            info = {"code": "internal_error", "kind": "internal_error", "message": "m", "retryable": False}
            return {"ok": False, "error": {**info, "sqlstate": sqlstate}}

        at = "/error/sqlstate"
        self.assertTrue(VALIDATOR.validate("error-response", error("23505")).valid)
        self.assertEqual(issues("error-response", error("2350")), {("too_small", at), ("invalid_format", at)})
        self.assertEqual(issues("error-response", error("23505\n")), {("too_big", at), ("invalid_format", at)})

    def test_whitespace_is_ecmascript_whitespace(self) -> None:
        self.assertTrue(VALIDATOR.validate("run-query-request", "\u001c\u001d\u001e\u001f\u0085").valid)
        self.assertEqual(issues("run-query-request", "\ufeff \u3000"), {("invalid_format", "")})

if __name__ == "__main__":
    unittest.main()
