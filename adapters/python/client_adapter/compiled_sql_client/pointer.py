"""RFC 6901 JSON Pointers."""

from __future__ import annotations


def append_pointer(pointer: str, token: object) -> str:
    """``pointer`` with one more reference token, escaped (``~`` as ``~0``, ``/`` as ``~1``)."""
    return f"{pointer}/{str(token).replace('~', '~0').replace('/', '~1')}"
