"""A real `pixmill serve`, as a new user starts it, called as PixLab's rotate sample does."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.support import Origin, decode, photo


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, int]]:
    port = _free_port()
    env = {
        **os.environ,
        "PIXMILL_DATA_DIR": str(tmp_path_factory.mktemp("serve")),
        "PIXMILL_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PIXMILL_ALLOW_PRIVATE_SOURCES": "true",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "pixmill", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    key = process.stdout.readline().strip().rsplit(" ", 1)[-1]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/status").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    yield base, key, process.pid
    process.terminate()
    process.wait(timeout=20)


def test_first_start_prints_a_key_and_status_is_up(server: tuple[str, str, int]) -> None:
    base, key, _ = server
    assert key.startswith("pxm")
    reply = httpx.get(f"{base}/status")
    assert reply.headers["content-type"] == "application/json"
    assert reply.json()["status"] == 200


def test_the_rotate_sample_gets_a_link_that_opens(server: tuple[str, str, int]) -> None:
    base, key, _ = server
    origin = Origin()
    try:
        img = origin.add("/blue_jay.jpg", photo("chelsea"))
        reply = httpx.get(f"{base}/rotate", params={"img": img, "degree": 180, "key": key}).json()
        assert reply["status"] == 200, reply
        opened = httpx.get(reply["link"])
        assert opened.headers["content-type"] == "image/jpeg"
        assert decode(opened.content).size == (451, 300)
    finally:
        origin.close()


def _workers(pid: int) -> set[int]:
    """The server's worker processes (not multiprocessing's resource tracker)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(int(child))
    return found


def test_a_killed_worker_is_replaced(server: tuple[str, str, int]) -> None:
    base, key, pid = server
    files = {"file": ("x.png", photo("camera", "PNG"), "image/png")}
    assert httpx.post(f"{base}/flip", data={"key": key}, files=files).json()["status"] == 200
    workers = _workers(pid)
    assert workers
    for worker in workers:
        os.kill(worker, signal.SIGKILL)
    time.sleep(0.5)
    for _ in range(3):
        reply = httpx.post(f"{base}/flip", data={"key": key}, files=files, timeout=60)
        assert reply.json()["status"] == 200
    assert _workers(pid) and not (_workers(pid) & workers)
