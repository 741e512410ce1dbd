import datetime as dt
import unittest

from compiled_sql_client import OperationBuildError, build_operation

ASSET = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
DS = "dddddddd-dddd-4ddd-8ddd-dddddddddddd"
SCOPE = {"data_source_uid": DS, "tables": [{"meta_table_uid": ASSET}]}


class BuildOperationTest(unittest.TestCase):
    def test_fills_defaults_in_the_sdk_key_order(self):
        envelope = build_operation("select", "SELECT 1", SCOPE)
        self.assertEqual(list(envelope), ["operation", "version", "dialect", "statement", "scope", "limits"])
        self.assertEqual(envelope["limits"], {"max_rows": 1000, "offset": 0, "statement_timeout_ms": 15000})
        self.assertEqual(envelope["statement"], {"sql": "SELECT 1", "parameters": {}, "paramstyle": "pyformat"})
        self.assertEqual(envelope["scope"]["tables"], [{"meta_table_uid": ASSET, "access": "read"}])

    def test_accepts_camel_case_aliases_but_not_both_spellings(self):
        envelope = build_operation("select", "SELECT 1", {"dataSourceUid": DS, "tables": [{"metaTableUid": ASSET, "reservedPolicy": "reject"}]})
        self.assertEqual(envelope["scope"], {"data_source_uid": DS, "tables": [{"meta_table_uid": ASSET, "access": "read", "reserved_policy": "reject"}]})
        with self.assertRaises(OperationBuildError) as caught:
            build_operation("select", "SELECT 1", {"data_source_uid": DS, "tables": [{"metaTableUid": ASSET, "meta_table_uid": ASSET}]})
        self.assertEqual((caught.exception.code, caught.exception.path), ("invalid_value", "/scope/tables/0/meta_table_uid"))

    def test_encodes_dates_and_normalizes_type_tokens(self):
        at = dt.datetime(2026, 5, 28, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        envelope = build_operation(
            "select",
            "SELECT uid FROM public.asset WHERE as_of >= %(d)s AND updated_at >= %(at)s AND id > %(n)s",
            SCOPE,
            parameters={"d": dt.date(2026, 5, 28), "at": at, "n": "10"},
            parameter_types={"n": "INT64"},
        )
        self.assertEqual(envelope["statement"]["parameters"], {"d": "2026-05-28", "at": "2026-05-28T09:30:00Z", "n": "10"})
        self.assertEqual(envelope["statement"]["parameter_types"], {"d": "date", "at": "timestamp with time zone", "n": "int64"})

    def test_rejects_a_naive_datetime_and_a_type_for_no_parameter(self):
        with self.assertRaises(OperationBuildError) as naive:
            build_operation("select", "SELECT %(at)s", SCOPE, parameters={"at": dt.datetime(2026, 5, 28)})
        self.assertEqual((naive.exception.code, naive.exception.path), ("invalid_parameter_value", "/statement/parameters/at"))
        with self.assertRaises(OperationBuildError) as unknown:
            build_operation("select", "SELECT 1", SCOPE, parameter_types={"a/b": "date"})
        self.assertEqual((unknown.exception.code, unknown.exception.path), ("unknown_parameter", "/statement/parameter_types/a~1b"))

    def test_reports_the_validator_issue_with_its_pointer(self):
        with self.assertRaises(OperationBuildError) as caught:
            build_operation("select", "SELECT 1", SCOPE, limits={"max_rows": 0})
        self.assertEqual((caught.exception.code, caught.exception.path), ("too_small", "/limits/max_rows"))
        self.assertIn({"code": "too_small", "instancePath": "/limits/max_rows"}, [{k: i[k] for k in ("code", "instancePath")} for i in caught.exception.issues])

    def test_needs_a_data_source_from_somewhere(self):
        with self.assertRaises(OperationBuildError) as caught:
            build_operation("select", "SELECT 1", {"tables": [{"meta_table_uid": ASSET}]})
        self.assertEqual((caught.exception.code, caught.exception.path), ("missing_field", "/scope/data_source_uid"))
        envelope = build_operation("select", "SELECT 1", {"tables": [{"meta_table_uid": ASSET}]}, default_data_source_uid=DS)
        self.assertEqual(envelope["scope"]["data_source_uid"], DS)


if __name__ == "__main__":
    unittest.main()
