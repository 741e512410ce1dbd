"""A loopback HTTP proxy that records every exchange between the SDK and the server-stub.

The SDK is pointed at the proxy, which forwards each request unchanged to the
stub. Recording on the wire, rather than inside the SDK, captures the exact
bytes the SDK sends (what our validator must accept), every page of its
pagination loop, the retries its HTTP layer makes on its own, and any route it
calls besides the protocol's.
"""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# Headers that describe one hop, not the message: the proxy sets its own.
_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}


@dataclass(frozen=True)
class Exchange:
    """One request as the SDK sent it, and the stub's answer as the SDK received it."""

    method: str
    path: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_body: bytes


class RecordingProxy:
    """Forwards to ``target`` (``http://127.0.0.1:PORT``) and records each exchange."""

    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self._target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._lock = threading.Lock()
        self._exchanges: list[Exchange] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> RecordingProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def mark(self) -> int:
        """A position in the record, to read what happened after it with :meth:`since`."""
        with self._lock:
            return len(self._exchanges)

    def since(self, mark: int) -> list[Exchange]:
        with self._lock:
            return list(self._exchanges[mark:])

    def _record(self, exchange: Exchange) -> None:
        with self._lock:
            self._exchanges.append(exchange)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS}
                connection = http.client.HTTPConnection(*proxy._target, timeout=60)
                try:
                    connection.request(self.command, self.path, body=body or None, headers=headers)
                    answer = connection.getresponse()
                    payload = answer.read()
                    answer_headers = [(k, v) for k, v in answer.getheaders() if k.lower() not in _HOP_HEADERS]
                    status = answer.status
                finally:
                    connection.close()
                proxy._record(Exchange(self.command, self.path, headers, body, status, payload))
                self.send_response(status)
                for key, value in answer_headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

            def log_message(self, format: str, *args: object) -> None:
                pass  # the stub's own access log is the log of record

        return Handler
