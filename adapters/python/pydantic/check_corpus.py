#!/usr/bin/env python3
"""Runs the generated Pydantic models over the envelope corpus and compares their verdicts with the cases'.

    .venv/bin/python adapters/python/pydantic/check_corpus.py [--fixtures DIR]
        [--known-differences FILE] [--report FILE]

A case *agrees* when the model accepts the document exactly when the case is
valid. Issues are not compared: Pydantic reports its own error types and
locations (one error for a wrong type where the protocol's rules want
``invalid_type`` and ``invalid_value``; union member names inside locations),
which cannot be turned into the protocol's ``{code, instancePath}`` pairs
faithfully, and the adapter protocol has no verdict-only mode. The verdicts
alone must match ours.

Exit codes are the conformance runner's: 0 all agree (or are listed known
differences), 1 an unlisted disagreement, 2 a stale known-differences entry
(it agrees now, or names no case), 64 a usage error. ``--report`` writes a
report valid against ``conformance-report.schema.json`` (checked with the
generated ``ConformanceReport`` model before it is written).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

from compiled_sql_models.conformance_report_schema import ConformanceReport
from pydantic_verdicts import NotJson, verdict

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parents[2] / "conformance-fixtures" / "compiled-sql.v1" / "envelopes"
KNOWN_DIFFERENCES = HERE / "known-differences.json"
IMPLEMENTATION = {
    "name": "compiled-sql-python-pydantic",
    "version": f"0.1.0+pydantic.{version('pydantic')}",
    "language": "python",
}


class UsageError(Exception):
    """A bad option or an unreadable known-differences file (exit code 64)."""


@dataclass(frozen=True)
class Case:
    id: str
    path: str
    document: str
    valid: bool
    text: str


def load_cases(fixtures: Path) -> list[Case]:
    """Every case of the corpus, in corpus order (sorted by file path)."""
    if not fixtures.is_dir():
        raise UsageError(f"{fixtures} is not a directory")
    cases = []
    for path in sorted(fixtures.rglob("*.json"), key=lambda p: p.relative_to(fixtures).as_posix()):
        case = json.loads(path.read_text(encoding="utf-8"))
        text = case["envelope_text"] if "envelope_text" in case else json.dumps(case["envelope"], ensure_ascii=False)
        cases.append(Case(case["id"], path.relative_to(fixtures).as_posix(), case["document"], case["valid"], text))
    return cases


def load_known_differences(path: Path | None) -> dict[str, str]:
    """The baseline (the runner's known-failures format): case id -> reason."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["known_failures"]
        if set(data) != {"known_failures"} or not isinstance(entries, list):
            raise ValueError("expected exactly one key, known_failures, holding an array")
        known: dict[str, str] = {}
        for entry in entries:
            if set(entry) != {"id", "reason"} or not entry["reason"] or entry["id"] in known:
                raise ValueError(f"bad or duplicate entry {entry!r}")
            known[entry["id"]] = entry["reason"]
        return known
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"{path}: {error}") from error


def check_case(case: Case, known: dict[str, str]) -> dict[str, Any]:
    """The report entry of one case."""
    started = time.perf_counter()
    try:
        accepted, errors = verdict(case.document, case.text)
    except NotJson as error:
        accepted, errors = False, [{"type": "not_json", "msg": str(error)}]
    result: dict[str, Any] = {"id": case.id, "path": case.path, "status": "passed"}
    if accepted != case.valid:
        result["status"] = "known_failure" if case.id in known else "failed"
        message = "the case is valid, but the model rejected it" if case.valid else "the case is invalid, but the model accepted it"
        result["failure"] = {
            "message": message,
            "expected": {"valid": case.valid},
            "actual": {"valid": accepted, "errors": errors},
        }
        if case.id in known:
            result["reason"] = known[case.id]
    result["duration_ms"] = round((time.perf_counter() - started) * 1000, 3)
    return result


def build_report(cases: list[Case], known: dict[str, str], started_at: str, started: float) -> dict[str, Any]:
    """The whole run, shaped as ``conformance-report.schema.json`` wants."""
    results = [check_case(case, known) for case in cases]
    counts = Counter(result["status"] for result in results)
    ids = {case.id for case in cases}
    stale = sorted(id_ for id_ in known if id_ not in ids or any(r["id"] == id_ and r["status"] == "passed" for r in results))
    exit_code = 1 if counts["failed"] else 2 if stale else 0
    return {
        "format": "compiled-sql.conformance-report.v1",
        "protocol": "compiled-sql.v1",
        "suite": "envelopes",
        "implementation": IMPLEMENTATION,
        "started_at": started_at,
        "duration_ms": round((time.perf_counter() - started) * 1000, 3),
        "summary": {
            "total": len(results),
            "passed": counts["passed"],
            "failed": counts["failed"],
            "known_failures": counts["known_failure"],
            "skipped": 0,
        },
        "stale_known_failures": stale,
        "cases": results,
        "exit_code": exit_code,
    }


def print_summary(report: dict[str, Any]) -> None:
    implementation = report["implementation"]
    print(f"compiled-sql.v1 envelopes (verdicts only) · {implementation['name']} {implementation['version']} ({implementation['language']})\n")
    groups: dict[str, Counter[str]] = {}
    for result in report["cases"]:
        groups.setdefault(result["id"].split(".")[0], Counter())[result["status"]] += 1
    for group, counts in groups.items():
        total = sum(counts.values())
        mark = "✓" if counts["failed"] == 0 else "✗"
        print(f"  {mark} {group:<20}{counts['passed']}/{total} agree")
    for result in report["cases"]:
        if result["status"] != "passed":
            reason = f" (known: {result['reason']})" if "reason" in result else ""
            print(f"  ✗ {result['id']}: {result['failure']['message']}{reason}")
    for id_ in report["stale_known_failures"]:
        print(f"  stale known difference: {id_} (it agrees now, or no case has this id)")
    summary = report["summary"]
    print(
        f"\n{summary['total']} cases: {summary['passed']} passed, {summary['failed']} failed, "
        f"{summary['known_failures']} known failures, {summary['skipped']} skipped "
        f"in {report['duration_ms']:.0f} ms (exit code {report['exit_code']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compares the Pydantic models' verdicts with the envelope corpus.")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="the envelope corpus directory")
    parser.add_argument("--known-differences", type=Path, default=KNOWN_DIFFERENCES if KNOWN_DIFFERENCES.exists() else None)
    parser.add_argument("--report", type=Path, help="also write the JSON report here")
    args = parser.parse_args(argv)
    started_at, started = datetime.now(timezone.utc).isoformat(), time.perf_counter()
    try:
        report = build_report(load_cases(args.fixtures), load_known_differences(args.known_differences), started_at, started)
    except UsageError as error:
        print(f"check_corpus: {error}", file=sys.stderr)
        return 64
    ConformanceReport.model_validate(json.loads(json.dumps(report)), strict=True)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(report)
    return int(report["exit_code"])


if __name__ == "__main__":
    sys.exit(main())
