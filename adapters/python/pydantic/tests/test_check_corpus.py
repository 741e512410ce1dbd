"""check_corpus compares verdicts and keeps its baseline honest, with the runner's exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import unittest
from pathlib import Path

import check_corpus

VALID = '"SELECT 1"'
INVALID = '" "'


class CheckCorpusTest(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = Path(tempfile.mkdtemp())
        self.fixtures = self.dir / "envelopes"

    def case(self, name: str, valid: bool, text: str) -> None:
        """Writes one run-query-request case whose `valid` may be true to the text or not."""
        path = self.fixtures / "run-query-request" / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        case = {"id": f"run-query-request.{name}", "description": "d", "tags": ["t"], "document": "run-query-request",
                "valid": valid, "envelope": json.loads(text), "envelope_text": text}
        if not valid:
            case["expect"] = {"errors": [{"code": "invalid_format", "instancePath": ""}]}
        path.write_text(json.dumps(case), encoding="utf-8")

    def run_check(self, known: list[dict[str, str]] | None = None) -> tuple[int, dict]:
        argv = ["--fixtures", str(self.fixtures), "--report", str(self.dir / "report.json")]
        if known is not None:
            (self.dir / "known.json").write_text(json.dumps({"known_failures": known}), encoding="utf-8")
            argv += ["--known-differences", str(self.dir / "known.json")]
        with contextlib.redirect_stdout(io.StringIO()):
            code = check_corpus.main(argv)
        report = json.loads((self.dir / "report.json").read_text()) if (self.dir / "report.json").exists() else {}
        return code, report

    def test_agreement_passes(self) -> None:
        self.case("select", True, VALID)
        self.case("blank", False, INVALID)
        code, report = self.run_check([])
        self.assertEqual(code, 0)
        self.assertEqual(report["summary"], {"total": 2, "passed": 2, "failed": 0, "known_failures": 0, "skipped": 0})
        self.assertEqual([case["id"] for case in report["cases"]], ["run-query-request.blank", "run-query-request.select"])

    def test_a_disagreement_fails_with_both_verdicts(self) -> None:
        self.case("wrongly-invalid", False, VALID)
        code, report = self.run_check()
        self.assertEqual(code, 1)
        failure = report["cases"][0]["failure"]
        self.assertEqual((failure["expected"], failure["actual"]["valid"]), ({"valid": False}, True))

    def test_a_listed_disagreement_is_a_known_failure(self) -> None:
        self.case("wrongly-valid", True, INVALID)
        code, report = self.run_check([{"id": "run-query-request.wrongly-valid", "reason": "because"}])
        self.assertEqual(code, 0)
        self.assertEqual((report["cases"][0]["status"], report["cases"][0]["reason"]), ("known_failure", "because"))

    def test_stale_entries_end_the_run_with_2(self) -> None:
        self.case("select", True, VALID)
        code, report = self.run_check([{"id": "run-query-request.select", "reason": "r"}, {"id": "no.such-case", "reason": "r"}])
        self.assertEqual(code, 2)
        self.assertEqual(report["stale_known_failures"], ["no.such-case", "run-query-request.select"])

    def test_a_malformed_baseline_is_a_usage_error(self) -> None:
        self.case("select", True, VALID)
        with contextlib.redirect_stderr(io.StringIO()):
            code, _ = self.run_check([{"id": "run-query-request.select"}])
        self.assertEqual(code, 64)


if __name__ == "__main__":
    unittest.main()
