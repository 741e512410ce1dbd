"""A non-2xx response as the typed error for its code."""

from __future__ import annotations

from typing import Any

from . import errors
from .protocol import ERROR_CODES, REQUEST_ID_HEADER
from .retry import parse_retry_after

_CLASS_OF_KIND: dict[str, type[errors.RequestError]] = {
    "validation_error": errors.BadRequestError,
    "sql_rejected": errors.BadRequestError,
    "database_error": errors.BadRequestError,
    "authentication_error": errors.AuthenticationError,
    "permission_denied": errors.PermissionDeniedError,
    "not_found": errors.NotFoundError,
    "conflict": errors.ConflictError,
    "rate_limited": errors.RateLimitError,
    "timeout": errors.TimeoutError,
    "internal_error": errors.ServerError,
    "unavailable": errors.ServerError,
}

_CODE_OF_STATUS = {
    401: "unauthenticated",
    403: "access_denied",
    404: "route_not_found",
    405: "method_not_allowed",
    408: "statement_timeout",
    409: "unique_violation",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "query_error",
    429: "rate_limited",
    502: "service_unavailable",
    503: "service_unavailable",
    504: "statement_timeout",
}


def code_for_status(status: int) -> str:
    """The code to report when a body carries none (a proxy's page, an upstream-style body)."""
    return _CODE_OF_STATUS.get(status, "internal_error" if status >= 500 else "invalid_value")


def upstream_message(body: Any, status: int) -> str:
    """The message the upstream SDK shows: ``detail``, ``error``, ``message`` or ``non_field_errors``, in that order."""
    if isinstance(body, dict):
        for key in ("detail", "error", "message"):
            if isinstance(body.get(key), str):
                return body[key]
        non_field = body.get("non_field_errors")
        if isinstance(non_field, list) and non_field and isinstance(non_field[0], str):
            return non_field[0]
    if isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return f"HTTP {status}"


def error_from_response(status: int, headers: Any, body: Any) -> errors.RequestError:
    """
    The typed error of a non-2xx response: the protocol's error body when the
    server sent one, otherwise the status and the message fields the upstream
    SDK reads. The class follows the code's kind.
    """
    info = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else None
    code = info["code"] if info is not None and info.get("code") in ERROR_CODES else code_for_status(status)
    meta = ERROR_CODES[code]
    details = info.get("details") if info is not None and isinstance(info.get("details"), dict) else {}
    retry_after = details.get("retry_after_ms")
    request_id = headers.get(REQUEST_ID_HEADER) or (body.get("request_id") if isinstance(body, dict) else None)
    return _CLASS_OF_KIND[meta["kind"]](
        status=status,
        code=code,
        message=info["message"] if info is not None and isinstance(info.get("message"), str) else upstream_message(body, status),
        retryable=info["retryable"] if info is not None and isinstance(info.get("retryable"), bool) else meta["retryable"],
        sqlstate=info.get("sqlstate") if info is not None and isinstance(info.get("sqlstate"), str) else None,
        request_id=request_id if isinstance(request_id, str) else None,
        retry_after_ms=retry_after if isinstance(retry_after, int) and not isinstance(retry_after, bool) else parse_retry_after(headers.get("Retry-After")),
        body=body,
    )
