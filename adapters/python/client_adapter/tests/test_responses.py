import unittest

from compiled_sql_client import BadRequestError, RateLimitError, ServerError, TimeoutError, parse_retry_after
from compiled_sql_client.pages import merge_pages
from compiled_sql_client.response_error import error_from_response
from compiled_sql_client.retry import RetryPolicy
from requests.structures import CaseInsensitiveDict


def headers(**values):
    return CaseInsensitiveDict({key.replace("_", "-"): value for key, value in values.items()})


class ErrorMappingTest(unittest.TestCase):
    def test_a_protocol_body_gives_its_code_kind_and_fields(self):
        body = {"ok": False, "error": {"code": "query_error", "kind": "database_error", "message": "no such column", "retryable": False, "sqlstate": "42703"}, "request_id": "r-body"}
        error = error_from_response(422, headers(x_request_id="r-header"), body)
        self.assertIsInstance(error, BadRequestError)
        self.assertEqual((error.code, error.message, error.sqlstate, error.request_id, error.retryable), ("query_error", "no such column", "42703", "r-header", False))

    def test_an_upstream_body_gives_the_status_class_and_the_detail(self):
        error = error_from_response(429, headers(retry_after="1"), {"detail": "Request was throttled."})
        self.assertIsInstance(error, RateLimitError)
        self.assertEqual((error.message, error.retry_after_ms, error.retryable), ("Request was throttled.", 1000, True))
        self.assertEqual(error_from_response(400, headers(), {"non_field_errors": ["first", "second"]}).message, "first")

    def test_a_proxy_page_keeps_the_status(self):
        timeout = error_from_response(504, headers(), "<html>504</html>")
        self.assertIsInstance(timeout, TimeoutError)
        self.assertEqual((timeout.status, timeout.message), (504, "<html>504</html>"))
        self.assertIsInstance(error_from_response(502, headers(), ""), ServerError)


class RetryTest(unittest.TestCase):
    def test_reads_seconds_and_http_dates(self):
        self.assertEqual(parse_retry_after("2"), 2000)
        now = 1_700_000_000.0
        self.assertEqual(parse_retry_after("Tue, 14 Nov 2023 22:13:22 GMT", now=now), 2000)
        self.assertIsNone(parse_retry_after("-1"))
        self.assertIsNone(parse_retry_after(None))

    def test_waits_the_servers_time_or_a_bounded_backoff(self):
        policy = RetryPolicy(initial_delay=0.2, max_delay=1.0)
        self.assertEqual(policy.delay(0, 1500), 1.5)
        for retry in range(6):
            ceiling = min(1.0, 0.2 * 2**retry)
            self.assertTrue(ceiling / 2 <= policy.delay(retry, None) <= ceiling)


class MergePagesTest(unittest.TestCase):
    def test_merges_rows_and_rewrites_pagination_as_the_sdk_does(self):
        def page(rows, offset, has_more, next_offset):
            return {"ok": True, "rows": rows, "row_count": len(rows), "truncated": has_more, "max_rows": 2, "pagination": {"limit": 2, "offset": offset, "returned_count": len(rows), "has_more": has_more, "next_offset": next_offset}}

        merged = merge_pages([page([{"n": 1}, {"n": 2}], 0, True, 2), page([{"n": 3}], 2, False, None)], 5)
        self.assertEqual(merged["rows"], [{"n": 1}, {"n": 2}, {"n": 3}])
        self.assertEqual((merged["row_count"], merged["max_rows"], merged["truncated"]), (3, 5, False))
        self.assertEqual(merged["pagination"], {"limit": 5, "offset": 0, "returned_count": 3, "has_more": False, "next_offset": None})


if __name__ == "__main__":
    unittest.main()
