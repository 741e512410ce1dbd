"""JSON Schema ``pattern`` semantics (ECMA-262) on top of Python's ``re``.

JSON Schema patterns are ECMA-262 regular expressions, and Python's ``re``
differs from them in ways the corpus exercises: ``$`` also matches before a
trailing newline, ``\\s`` misses U+FEFF but includes U+001C-U+001F and U+0085,
``\\d`` and ``\\w`` match non-ASCII digits and letters, and ``.`` matches
U+2028 and U+2029. :func:`to_python` rewrites a pattern so that ``re`` gives
the ECMA-262 answer for the constructs JSON Schemas use.
"""

from __future__ import annotations

import functools
import re

#: ECMA-262 WhiteSpace and LineTerminator, the meaning of ``\s``.
ECMA_WHITESPACE = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_CLASS_ESCAPES = {"d": "0-9", "w": "A-Za-z0-9_", "s": ECMA_WHITESPACE}
_ANY_BUT_LINE_TERMINATOR = "[^\n\r\u2028\u2029]"


def _escape_outside_class(letter: str) -> str | None:
    """The Python form of ``\\<letter>`` outside a character class, if it differs."""
    if letter in _CLASS_ESCAPES:
        return f"[{_CLASS_ESCAPES[letter]}]"
    if letter.lower() in _CLASS_ESCAPES:
        return f"[^{_CLASS_ESCAPES[letter.lower()]}]"
    return None


def to_python(pattern: str) -> str:
    """Rewrites an ECMA-262 pattern into an equivalent Python ``re`` pattern."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            letter = pattern[index + 1]
            index += 2
            if letter == "u" and pattern.startswith("{", index):
                end = pattern.index("}", index)
                out.append(f"\\U{int(pattern[index + 1:end], 16):08x}")
                index = end + 1
            elif letter == "k" and pattern.startswith("<", index):
                end = pattern.index(">", index)
                out.append(f"(?P={pattern[index + 1:end]})")
                index = end + 1
            elif in_class and letter in _CLASS_ESCAPES:
                out.append(_CLASS_ESCAPES[letter])
            elif not in_class and (replacement := _escape_outside_class(letter)) is not None:
                out.append(replacement)
            else:
                out.append("\\" + letter)
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            # A leading `^` or `]` is part of the class syntax, not its end.
            if pattern.startswith("^", index + 1):
                out.append("^")
                index += 1
        elif char == "$":
            out.append(r"\Z")
        elif char == ".":
            out.append(_ANY_BUT_LINE_TERMINATOR)
        elif char == "(" and pattern.startswith("(?<", index) and not pattern.startswith(("(?<=", "(?<!"), index):
            out.append("(?P<")
            index += 2
        else:
            out.append(char)
        index += 1
    return "".join(out)


@functools.lru_cache(maxsize=None)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compiles an ECMA-262 pattern for :func:`re.search`-style matching."""
    return re.compile(to_python(pattern))


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches anywhere in ``text``, as ECMA-262 ``RegExp.prototype.test`` would say."""
    return compile_pattern(pattern).search(text) is not None
