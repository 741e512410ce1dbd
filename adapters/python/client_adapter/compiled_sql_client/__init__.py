"""A small compiled-sql.v1 client on ``requests``: build envelopes, execute them with the upstream pagination loop and retry policy, run raw read-only queries."""

from .build import build_operation
from .client import MetaTableClient
from .errors import (
    AuthenticationError,
    BadRequestError,
    CompiledSqlError,
    ConflictError,
    NotFoundError,
    OperationBuildError,
    PermissionDeniedError,
    RateLimitError,
    RequestError,
    ServerError,
    TimeoutError,
    TransportError,
)
from .retry import RetryPolicy, parse_retry_after

__version__ = "0.1.0"

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "CompiledSqlError",
    "ConflictError",
    "MetaTableClient",
    "NotFoundError",
    "OperationBuildError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestError",
    "RetryPolicy",
    "ServerError",
    "TimeoutError",
    "TransportError",
    "build_operation",
    "parse_retry_after",
]
