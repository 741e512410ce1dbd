"""Our two validators, run on the exact text the SDK sends or receives.

- The TypeScript one through the client CLI: ``node packages/client/dist/cli.js
  validate --json --document DOC -`` (exit 1 when invalid).
- The Python one (``adapters/python/compiled_sql_validator``, jsonschema),
  in process: .venv-upstream pins the same jsonschema as .venv.

A document passes only when both agree with the expectation, so a divergence
between the two implementations shows up here too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Issue = tuple[str, str]  # (code, instancePath)


@dataclass(frozen=True)
class Verdict:
    """One validator's answer: accepted or not, and the issues it reported."""

    valid: bool
    issues: tuple[Issue, ...]

    def describe(self) -> str:
        if self.valid:
            return "valid"
        return "invalid: " + ", ".join(f"{code} at {pointer or '(root)'}" for code, pointer in self.issues)


@dataclass(frozen=True)
class Expectation:
    """``accept``, or reject with every one of ``issues`` among the reported ones (the conformance pass rule)."""

    accept: bool
    issues: tuple[Issue, ...] = ()

    def met_by(self, verdict: Verdict) -> bool:
        if self.accept:
            return verdict.valid
        return not verdict.valid and all(issue in verdict.issues for issue in self.issues)

    def describe(self) -> str:
        if self.accept:
            return "valid"
        return "invalid with " + ", ".join(f"{code} at {pointer}" for code, pointer in self.issues)


ACCEPT = Expectation(True)


def reject(*issues: Issue) -> Expectation:
    return Expectation(False, tuple(issues))


class Validators:
    """Runs the TypeScript CLI and the Python validator on one text."""

    def __init__(self, root: Path, timeout: float) -> None:
        self._cli = root / "packages/client/dist/cli.js"
        self._timeout = timeout
        sys.path.insert(0, str(root / "adapters/python"))
        from compiled_sql_validator import Validator, parse_json

        self._python = Validator()
        self._parse = parse_json

    def typescript(self, text: str, document: str) -> Verdict:
        completed = subprocess.run(
            ["node", str(self._cli), "validate", "--json", "--document", document, "-"],
            input=text,
            capture_output=True,
            text=True,
            timeout=self._timeout,
        )
        if completed.returncode not in (0, 1):
            raise RuntimeError(f"compiled-sql validate exited {completed.returncode}: {completed.stderr.strip()[:500]}")
        answer: dict[str, Any] = json.loads(completed.stdout)
        issues = tuple((i["code"], i["instancePath"]) for i in answer["issues"])
        return Verdict(answer["valid"], issues)

    def python(self, text: str, document: str) -> Verdict:
        validation = self._python.validate(document, self._parse(text))
        return Verdict(validation.valid, tuple((i["code"], i["instancePath"]) for i in validation.issues))

    def both(self, text: str, document: str) -> dict[str, Verdict]:
        return {"ts": self.typescript(text, document), "py": self.python(text, document)}
