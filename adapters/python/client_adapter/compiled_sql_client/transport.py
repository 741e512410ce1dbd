"""One planned POST, sent with ``requests`` and retried by the policy."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import requests

from . import errors
from .protocol import IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER
from .response_error import error_from_response
from .retry import RetryPolicy


@dataclass(frozen=True)
class Reply:
    """A 2xx response whose body is a JSON object."""

    status: int
    body: dict[str, Any]
    request_id: str | None


@dataclass(frozen=True)
class Plan:
    """What to send: the body is serialized once, so every attempt sends the same bytes."""

    path: str
    body: bytes
    retryable: bool
    idempotency_key: str | None = None


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


class Transport:
    """The endpoint, token, route family and retry policy of one client, over one ``requests`` session."""

    def __init__(self, endpoint: str, token: str, retry: RetryPolicy, timeout: float | None) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.token = token
        self.retry = retry
        self.timeout = timeout
        self.session = requests.Session()

    def _attempt(self, plan: Plan) -> Reply:
        headers = {"Accept": "application/json", "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        if plan.idempotency_key is not None:
            headers[IDEMPOTENCY_KEY_HEADER] = plan.idempotency_key
        url = self.endpoint + plan.path
        try:
            response = self.session.post(url, data=plan.body, headers=headers, timeout=self.timeout)
            text = response.content.decode("utf-8", errors="replace")
        except requests.RequestException as error:
            raise errors.TransportError(status=None, code="transport_error", message=f"POST {url} failed: {error}", retryable=True) from error
        body = _parse(text)
        if not 200 <= response.status_code < 300:
            raise error_from_response(response.status_code, response.headers, body)
        request_id = response.headers.get(REQUEST_ID_HEADER)
        if not isinstance(body, dict):
            raise errors.ServerError(status=response.status_code, code="invalid_response", message=f"POST {url} answered {response.status_code} without a JSON object", retryable=False, request_id=request_id, body=body)
        return Reply(response.status_code, body, request_id)

    def send(self, plan: Plan) -> Reply:
        """Sends the plan, retrying a retryable one on transport failures, 429 and 503. Raises the last attempt's error."""
        retry = 0
        while True:
            try:
                return self._attempt(plan)
            except errors.RequestError as error:
                retried = isinstance(error, errors.TransportError) or error.status in (429, 503)
                if not plan.retryable or not retried or retry >= self.retry.max_retries:
                    raise
                if error.retry_after_ms is not None and error.retry_after_ms > self.retry.max_retry_after * 1000:
                    raise
                time.sleep(self.retry.delay(retry, error.retry_after_ms))
                retry += 1

    def close(self) -> None:
        self.session.close()
