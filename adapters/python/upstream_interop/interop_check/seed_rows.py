"""The demo world's rows, read from its seed.sql, to compare with what the SDK gets back.

Reading the seed file (rather than copying its rows here) keeps the expected
rows honest: they come from the same file the stub loads. The parser covers
what the seed uses: ``CREATE TABLE`` column types and ``INSERT ... VALUES``
tuples of quoted strings (``''`` escapes), integers and ``NULL``.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Row = dict[str, Any]

_CREATE = re.compile(r"CREATE TABLE\s+public\.(\w+)\s*\((.*?)\);", re.S | re.I)
_INSERT = re.compile(r"INSERT INTO\s+public\.(\w+)\s*\(([^)]*)\)\s*VALUES", re.I)
_TOKEN = re.compile(r"\s+|'((?:[^']|'')*)'|(NULL)\b|(-?\d+)|([(),;])", re.I)


@dataclass(frozen=True)
class Seed:
    """The seeded rows of each table (values normalized by :func:`normalize`) and its column types."""

    rows: dict[str, list[Row]]
    types: dict[str, dict[str, str]]

    def response_rows(self, table: str, rows: list[Row]) -> list[Row]:
        """Rows as a response carries them, normalized like the seed's rows of ``table``."""
        types = self.types[table]
        return [{c: normalize(types.get(c, "text"), v, from_seed=False) for c, v in row.items()} for row in rows]


def read_seed(seed: Path) -> Seed:
    """Parses ``seed``: column types from ``CREATE TABLE``, rows from ``INSERT ... VALUES``."""
    text = re.sub(r"--[^\n]*", "", seed.read_text(encoding="utf-8"))
    types = {
        table: {line.split()[0]: line.split()[1].lower() for line in body.split(",\n") if line.split()}
        for table, body in _CREATE.findall(text)
    }
    tables: dict[str, list[Row]] = {}
    for match in _INSERT.finditer(text):
        table = match.group(1)
        columns = [c.strip() for c in match.group(2).split(",")]
        for values in _tuples(text, match.end()):
            row = dict(zip(columns, values, strict=True))
            tables.setdefault(table, []).append(
                {c: normalize(types[table].get(c, "text"), v, from_seed=True) for c, v in row.items()}
            )
    return Seed(tables, types)


def _tuples(text: str, position: int) -> list[list[Any]]:
    """The ``(...), (...)`` tuples from ``position`` up to the ``;`` that ends the statement."""
    rows: list[list[Any]] = []
    current: list[Any] | None = None
    while True:
        token = _TOKEN.match(text, position)
        if token is None:
            raise ValueError(f"seed.sql: cannot read the VALUES list at offset {position}")
        position = token.end()
        string, null, number, punct = token.groups()
        if string is not None:
            current.append(string.replace("''", "'"))  # type: ignore[union-attr]
        elif null is not None:
            current.append(None)  # type: ignore[union-attr]
        elif number is not None:
            current.append(int(number))  # type: ignore[union-attr]
        elif punct == "(":
            current = []
        elif punct == ")":
            rows.append(current)  # type: ignore[arg-type]
            current = None
        elif punct == ";":
            return rows


def normalize(column_type: str, value: Any, *, from_seed: bool) -> Any:
    """One representation per SQL type, for seed values and response values alike.

    JSON has no timestamp type: two spellings of one instant (``+00`` in the
    seed, ``Z`` on the wire) compare equal once both are datetimes. A ``jsonb``
    seed value is JSON text; on the wire it is the JSON value itself.
    """
    if value is None:
        return None
    if column_type.startswith("timestamptz"):
        return datetime.datetime.fromisoformat(value)
    if column_type.startswith("jsonb") and from_seed:
        return json.loads(value)
    return value
