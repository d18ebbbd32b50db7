"""How `pixmill serve` runs uvicorn: the limits its HTTP parser lacks, and JSON errors from it.

uvicorn's httptools protocol accepts headers of any size and number, waits forever for a
request whose headers never end, and answers a malformed request in plain text. This subclass
adds a header byte cap (431), a header deadline (408) and a cap on open connections (503), and
answers every one of them, and any parse error (400), with PixLab's JSON envelope.
"""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from pixmill.settings import Settings


class _HeadersTooLarge(Exception):
    pass


def _error_bytes(status: int, message: str) -> bytes:
    body = json.dumps({"status": status, "error": message}).encode()
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "content-type: application/json\r\n"
        "x-content-type-options: nosniff\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class GuardedProtocol(HttpToolsProtocol):
    """httptools with header, time and connection limits (set by :func:`protocol_for`)."""

    max_header_bytes = 32768
    header_timeout = 10.0
    max_connections = 1000

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_bytes = 0
        self._too_large = False
        self._header_timer: asyncio.TimerHandle | None = None
        if len(self.connections) > self.max_connections:
            self._refuse(503, "The server has too many open connections; retry shortly")
            return
        self._start_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_header_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._header_bytes = 0
        self._start_header_timer()  # a kept-alive connection's next request gets its own

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._stop_header_timer()
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        if self._too_large:
            self._refuse(431, "The request headers are too large")
        else:
            self._refuse(400, "The HTTP request is malformed")

    def _count(self, size: int) -> None:
        self._header_bytes += size
        if self._header_bytes > self.max_header_bytes:
            self._too_large = True
            raise _HeadersTooLarge  # httptools turns it into a parse error: send_400_response

    def _start_header_timer(self) -> None:
        self._stop_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_timed_out)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_timed_out(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self._refuse(408, "The request headers did not arrive in time")

    def _refuse(self, status: int, message: str) -> None:
        self._stop_header_timer()
        self.transport.write(_error_bytes(status, message))
        self.transport.close()


def protocol_for(settings: Settings) -> type[GuardedProtocol]:
    """The protocol class carrying this deployment's limits."""
    limits: dict[str, Any] = {
        "max_header_bytes": settings.max_header_bytes,
        "header_timeout": settings.header_timeout,
        "max_connections": settings.max_connections,
    }
    return type("ConfiguredProtocol", (GuardedProtocol,), limits)


def run(app: Any, settings: Settings) -> None:
    """Serve ``app`` on the configured address until interrupted."""
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        http=protocol_for(settings),
        access_log=False,  # uvicorn's would print query strings, and with them the key
        server_header=False,
    )
