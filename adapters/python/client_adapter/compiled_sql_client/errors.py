"""The client's exceptions: one class per kind of failure, as the upstream SDK divides them."""

from __future__ import annotations

from typing import Any


class CompiledSqlError(Exception):
    """The root of every error the client raises. ``code`` is a protocol error code, or ``transport_error`` / ``invalid_response``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class OperationBuildError(CompiledSqlError):
    """The envelope could not be built. ``path`` is a JSON Pointer into the envelope being built."""

    def __init__(self, code: str, path: str, message: str, issues: list[dict[str, str]] | None = None) -> None:
        super().__init__(code, f"{message} (at {path or 'the envelope'})")
        self.path = path
        self.issues = issues if issues is not None else [{"code": code, "instancePath": path, "message": message}]


class RequestError(CompiledSqlError):
    """A request failed: the server answered an error, or no answer arrived (``status`` is None)."""

    def __init__(
        self,
        *,
        status: int | None,
        code: str,
        message: str,
        retryable: bool,
        sqlstate: str | None = None,
        request_id: str | None = None,
        retry_after_ms: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(code, message)
        self.status = status
        self.retryable = retryable
        self.sqlstate = sqlstate
        self.request_id = request_id
        self.retry_after_ms = retry_after_ms
        self.body = body


class BadRequestError(RequestError):
    """400, 413, 415 or 422: the request is wrong (the envelope, its SQL, or a query error)."""


class AuthenticationError(RequestError):
    """401: no token, or one the server does not know."""


class PermissionDeniedError(RequestError):
    """403: the caller lacks the access the scope asks for."""


class NotFoundError(RequestError):
    """404: a MetaTable, a data source or a route that does not exist."""


class ConflictError(RequestError):
    """409: a constraint, a serialization failure, or an idempotency key reused with another body."""


class RateLimitError(RequestError):
    """429: the caller's rate limit; ``retry_after_ms`` says how long the server asked to wait."""


class TimeoutError(RequestError):  # noqa: A001 - the protocol's name for the kind
    """A statement ran past its ``statement_timeout_ms`` (504, ``statement_timeout``). Nothing was applied."""


class ServerError(RequestError):
    """5xx, or a response the client cannot read (``invalid_response``)."""


class TransportError(RequestError):
    """No response arrived: the connection failed or broke."""
