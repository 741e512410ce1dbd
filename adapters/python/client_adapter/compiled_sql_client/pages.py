"""Reading a 2xx body: what the client relies on in a select page, a write result and a run_query response."""

from __future__ import annotations

from typing import Any

from . import errors
from .transport import Reply


def _invalid(reply: Reply, what: str) -> errors.ServerError:
    return errors.ServerError(status=reply.status, code="invalid_response", message=f"the server answered {reply.status} with {what}", retryable=False, request_id=reply.request_id, body=reply.body)


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(row, dict) for row in value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def select_page(reply: Reply) -> dict[str, Any]:
    """The body as a select page; raises ``invalid_response`` when its rows or pagination are unusable."""
    body = reply.body
    if not _is_rows(body.get("rows")):
        raise _invalid(reply, "a select result whose `rows` is not an array of objects")
    pagination = body.get("pagination")
    if not isinstance(pagination, dict) or not isinstance(pagination.get("has_more"), bool):
        raise _invalid(reply, "a select result without a usable `pagination`")
    next_offset = pagination.get("next_offset")
    if next_offset is not None and not _is_count(next_offset):
        raise _invalid(reply, "a `pagination.next_offset` that is neither null nor a non-negative integer")
    return body


def write_result(reply: Reply) -> dict[str, Any]:
    """The body as a write result."""
    if not _is_rows(reply.body.get("rows")):
        raise _invalid(reply, "a write result whose `rows` is not an array of objects")
    return reply.body


def run_query_response(reply: Reply) -> dict[str, Any]:
    """The body as a run_query response."""
    if not _is_rows(reply.body.get("results")):
        raise _invalid(reply, "a run_query response whose `results` is not an array of objects")
    return reply.body


def merge_pages(pages: list[dict[str, Any]], requested: int) -> dict[str, Any]:
    """
    The pages of one read as one result, as the upstream SDK merges them: rows
    concatenated, ``row_count`` and ``returned_count`` their number, ``max_rows``
    and ``pagination.limit`` the requested total, ``offset`` the first page's,
    and ``has_more``, ``next_offset`` and ``truncated`` the last page's.
    """
    if len(pages) == 1:
        return pages[0]
    first, last = pages[0], pages[-1]
    rows = [row for page in pages for row in page["rows"]]
    return {
        **first,
        "row_count": len(rows),
        "rows": rows,
        "truncated": last.get("truncated", False),
        "max_rows": requested,
        "pagination": {
            "limit": requested,
            "offset": first["pagination"].get("offset"),
            "returned_count": len(rows),
            "has_more": last["pagination"]["has_more"],
            "next_offset": last["pagination"].get("next_offset"),
        },
    }
