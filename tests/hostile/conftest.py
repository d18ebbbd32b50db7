"""The server under attack: a real `pixmill serve` process, as a deployment runs it.

It runs with private sources forbidden (the SSRF checks need that), short deadlines so a
hostile case ends quickly, and its log captured (the key must never appear in it). Every case
goes through :func:`expect`, which asserts the status, PixLab's JSON error shape, a time bound,
a memory bound on the server's whole process tree, and that a normal request still works.
"""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2 as httpx
import numpy as np
import psutil
import pytest
from PIL import Image

from tests.hostile import serve

MB = 1024 * 1024
JOB_TIMEOUT = 4.0  # the server's per-job wall-clock limit in this suite
BODY_TIMEOUT = 3.0
HEADER_TIMEOUT = 3.0
FETCH_TIMEOUT = 3.0
QUEUE_SIZE = 2
MAX_CONNECTIONS = 64
WORKERS = 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.hostile)


def tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.arange(48, dtype=np.uint8).reshape(6, 8)).save(buffer, "PNG")
    return buffer.getvalue()


class Canary:
    """Listens on 127.0.0.1 (and ::1 when the host has IPv6) and counts every connection: an
    SSRF check that works leaves the count at zero."""

    def __init__(self) -> None:
        self.connections = 0
        self.port = serve.free_port()
        self._sockets = [self._listen(socket.AF_INET, "127.0.0.1")]
        with contextlib.suppress(OSError):  # no IPv6 loopback here
            self._sockets.append(self._listen(socket.AF_INET6, "::1"))
        for sock in self._sockets:
            threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _listen(self, family: socket.AddressFamily, host: str) -> socket.socket:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, self.port))
        sock.listen(64)
        return sock

    def _accept(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        for sock in self._sockets:
            sock.close()


@dataclass
class Server:
    base: str
    key: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def rss(self) -> int:
        return serve.tree_rss(self.process.pid)

    def workers(self) -> list[psutil.Process]:
        """The worker processes (pebble's spawned children, not the resource tracker)."""
        children = serve.tree(self.process.pid)[1:]
        return [p for p in children if "spawn_main" in " ".join(_cmdline(p))]

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def get(self, path: str, timeout: float = 30, **params: Any) -> httpx.Response:
        return httpx.get(self.url(path), params={"key": self.key, **params}, timeout=timeout)

    def post(self, path: str, body: Any, content_type: str) -> httpx.Response:
        """A raw body (bytes or an iterator of them), the key in the query string."""
        headers = {"Content-Type": content_type}
        params = {"key": self.key}
        return httpx.post(self.url(path), params=params, content=body, headers=headers, timeout=30)

    def upload(self, path: str, data: bytes, timeout: float = 30, **fields: Any) -> httpx.Response:
        files = {"file": ("upload.bin", data, "application/octet-stream")}
        return httpx.post(
            self.url(path), data={"key": self.key, **fields}, files=files, timeout=timeout
        )

    def assert_healthy(self) -> None:
        """The server still answers /status and still runs a job in a worker."""
        assert self.process.poll() is None, "the server process died"
        assert httpx.get(self.url("/status"), timeout=10).status_code == 200
        reply = self.upload("/flip", tiny_png(), blob="true")
        assert reply.status_code == 200, reply.text
        assert Image.open(io.BytesIO(reply.content)).size == (8, 6)


def _cmdline(proc: psutil.Process) -> list[str]:
    try:
        return proc.cmdline()
    except psutil.Error:
        return []


@pytest.fixture(scope="session")
def canary() -> Iterator[Canary]:
    listener = Canary()
    yield listener
    listener.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("hostile")
    process, base, key = serve.start(
        data,
        allow_private_sources="false",
        workers=str(WORKERS),
        queue_size=str(QUEUE_SIZE),
        job_timeout=str(JOB_TIMEOUT),
        body_timeout=str(BODY_TIMEOUT),
        header_timeout=str(HEADER_TIMEOUT),
        fetch_timeout=str(FETCH_TIMEOUT),
        max_body_bytes=str(20 * MB),
        rate_limit_per_minute="1000000",
        max_connections=str(MAX_CONNECTIONS),
    )
    server = Server(base, key, process, data / "server.log")
    server.assert_healthy()  # the workers are up before the first measured case
    yield server
    serve.stop(process)


class _PeakRss:
    """Samples the server tree's RSS every 20 ms while a case runs."""

    def __init__(self, server: Server) -> None:
        self._server = server
        self._stop = threading.Event()
        self.peak = server.rss()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._server.rss())

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def expect(
    server: Server,
    send: Callable[[], httpx.Response],
    status: int,
    *,
    seconds: float = 5.0,
    megabytes: int = 500,
) -> httpx.Response:
    """Run one hostile case and assert what every case must: the status, the JSON error shape
    (for errors), an answer within ``seconds``, server-tree RSS growth under ``megabytes``
    (a replaced worker counts, about 100 MB), and a healthy server afterwards."""
    baseline = server.rss()
    with _PeakRss(server) as rss:
        started = time.monotonic()
        response = send()
        elapsed = time.monotonic() - started
    assert response.status_code == status, response.content[:300]
    body: dict[str, Any] = {}
    if response.headers.get("content-type") == "application/json":
        body = response.json()
    if status != 200:
        assert response.headers["content-type"] == "application/json", response.content[:200]
        assert set(body) == {"status", "error"} and body["status"] == status, body
        assert isinstance(body["error"], str) and body["error"], body
    assert elapsed < seconds, f"answered in {elapsed:.1f} s"
    growth = (rss.peak - baseline) / MB
    assert growth < megabytes, f"server RSS grew by {growth:.0f} MB"
    server.assert_healthy()
    return response
