"""The outcome of every check, and the summary printed at the end."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Check:
    """One thing the interop check verified.

    ``informational`` checks record what the SDK does that the server-stub
    does not serve (extra backend calls); they never fail the run, because the
    stub does not claim those routes.
    """

    step: str
    name: str
    ok: bool
    detail: str
    informational: bool = False


@dataclass
class Results:
    """Collects checks as they run and prints them as they arrive."""

    checks: list[Check] = field(default_factory=list)

    def add(self, step: str, name: str, ok: bool, detail: str = "", *, informational: bool = False) -> bool:
        check = Check(step, name, ok, detail, informational)
        self.checks.append(check)
        mark = "info" if informational else ("ok  " if ok else "FAIL")
        print(f"  [{mark}] {step}: {name}" + (f" - {printable(detail)}" if detail else ""), flush=True)
        return ok

    def expect_equal(self, step: str, name: str, actual: Any, expected: Any) -> bool:
        """Adds a check that ``actual == expected``, showing both when they differ."""
        if actual == expected:
            return self.add(step, name, True)
        detail = f"expected {_short(expected)}, got {_short(actual)}"
        return self.add(step, name, False, detail)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok and not c.informational]

    def counts(self, step: str) -> tuple[int, int]:
        """(passed, total) of the non-informational checks of a step."""
        relevant = [c for c in self.checks if c.step == step and not c.informational]
        return sum(c.ok for c in relevant), len(relevant)


def printable(text: str) -> str:
    """Escapes control characters (server messages may quote whitespace) so that each check stays on one line."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: repr(m.group())[1:-1], text)


def _short(value: Any, limit: int = 400) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."
