"""A real `pixmill serve` process, for the hostile suite and the soak benchmark."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(data_dir: Path, **settings: str) -> tuple[subprocess.Popen[bytes], str, str]:
    """Start the server on a free loopback port with ``PIXMILL_<NAME>`` settings; its output
    goes to ``data_dir/server.log``. Returns the process, the base URL and the first key."""
    port = free_port()
    env = {
        **os.environ,
        "PIXMILL_DATA_DIR": str(data_dir),
        "PIXMILL_PUBLIC_URL": f"http://127.0.0.1:{port}",
        **{f"PIXMILL_{name.upper()}": value for name, value in settings.items()},
    }
    log_path = data_dir / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pixmill", "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        key = _first_key(log_path, process)
        _wait_until_up(base, process)
    except BaseException:
        process.kill()
        raise
    return process, base, key


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def tree_rss(pid: int) -> int:
    """Summed RSS of the server and every process under it (workers included)."""
    total = 0
    for proc in tree(pid):
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total


def _first_key(log_path: Path, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for line in log_path.read_text(errors="replace").splitlines():
            if "Created the first API key" in line:
                return line.rsplit(" ", 1)[-1].strip()
        if process.poll() is not None:
            raise RuntimeError(log_path.read_text(errors="replace"))
        time.sleep(0.1)
    raise RuntimeError("the server printed no key")


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            if httpx.get(f"{base}/status", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("the server did not come up")
