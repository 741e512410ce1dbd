"""When and how long to wait before sending a request again."""

from __future__ import annotations

import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
import time


@dataclass(frozen=True)
class RetryPolicy:
    """
    Retries after the first attempt: on a transport failure, 429 and 503, for
    reads and for writes that carry an idempotency key. The wait is the
    server's (``details.retry_after_ms`` or ``Retry-After``), else backoff
    with jitter from ``initial_delay`` doubling up to ``max_delay``. A wait
    longer than ``max_retry_after`` ends the call at once.
    """

    max_retries: int = 3
    initial_delay: float = 0.2
    max_delay: float = 5.0
    max_retry_after: float = 60.0

    def delay(self, retry: int, retry_after_ms: int | None) -> float:
        """Seconds to wait before retry number ``retry`` (0 for the first)."""
        if retry_after_ms is not None:
            return retry_after_ms / 1000
        ceiling = min(self.max_delay, self.initial_delay * 2**retry)
        return ceiling / 2 + random.random() * ceiling / 2


def parse_retry_after(value: str | None, now: float | None = None) -> int | None:
    """A ``Retry-After`` header (delay-seconds or an HTTP-date) in milliseconds; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return int(text) * 1000
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0, round((when.timestamp() - (time.time() if now is None else now)) * 1000))
