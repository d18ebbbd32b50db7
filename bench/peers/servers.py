"""The servers under test, each a subprocess on 127.0.0.1 with a free port.

Every server's stdout and stderr go to a log file beside the run's other work files, so a peer
that fails to start says why. ``stop`` ends only the process this module started (and, through
its own shutdown, that process's children).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # loopback only: nothing here ever listens on or calls another address
ROOT = Path(__file__).resolve().parents[2]
WORK = Path(__file__).resolve().parent / ".work"
PIXMILL = ROOT / ".venv" / "bin" / "pixmill"

THUMBOR_CONF = """\
LOADER = 'thumbor.loaders.file_loader'
FILE_LOADER_ROOT_PATH = {root!r}
STORAGE = 'thumbor.storages.no_storage'
RESULT_STORAGE = None
ALLOW_UNSAFE_URL = True
QUALITY = 85
PROGRESSIVE_JPEG = False
ENGINE_THREADPOOL_SIZE = 2
"""
# QUALITY and PROGRESSIVE_JPEG match what pixmill and sharp write (q85, baseline, optimised
# Huffman tables, which thumbor's PIL engine turns on by itself); ENGINE_THREADPOOL_SIZE 2 is
# the configuration of the performance.md anchor (1 process, 2 engine threads).


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    """One subprocess serving HTTP on ``HOST:port``."""

    def __init__(self, name: str, argv: list[str], port: int, logs: Path, **popen: object) -> None:
        self.name = name
        self.argv = argv
        self.port = port
        self.log_path = logs / f"{name}.log"
        self.popen = popen
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} is not running"
        return self.process.pid

    def start(self, probe: str = "/", timeout: float = 60.0) -> Server:
        """Start the process and wait until ``probe`` gets any HTTP answer."""
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.argv, stdout=log, stderr=subprocess.STDOUT, **self.popen
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start; see {self.log_path}")
            try:
                httpx.get(self.base + probe, timeout=2.0, trust_env=False)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer within {timeout:.0f}s; see {self.log_path}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def static_files(images: Path, logs: Path) -> Server:
    """A plain file server, so pixmill fetches its ``img=`` URLs over loopback: the full path a
    PixLab client takes. It is not measured (the other peers read the same files from disk)."""
    port = free_port()
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", HOST]
    return Server("static", argv, port, logs, cwd=images)


def pixmill(data_dir: Path, logs: Path) -> tuple[Server, str]:
    """``pixmill serve`` with its shipped defaults, apart from what a benchmark must change:
    private (loopback) sources allowed and a per-IP rate limit no run can reach. Returns the
    server and a key made by ``pixmill keys create``."""
    port = free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith("PIXMILL_")}
    env |= {
        "PIXMILL_DATA_DIR": str(data_dir),
        "PIXMILL_ALLOW_PRIVATE_SOURCES": "true",
        "PIXMILL_RATE_LIMIT_PER_MINUTE": "100000000",
        "PIXMILL_PUBLIC_URL": f"http://{HOST}:{port}",
    }
    created = subprocess.run(
        [str(PIXMILL), "keys", "create", "--name", "bench"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = created.stdout.strip().splitlines()[-1]
    argv = [str(PIXMILL), "serve", "--host", HOST, "--port", str(port)]
    return Server("pixmill", argv, port, logs, env=env), key


def sharp(images: Path, logs: Path) -> Server:
    """sharp_server.js under Node, with sharp from setup.sh's npm folder."""
    port = free_port()
    env = {**os.environ, "NODE_PATH": str(WORK / "sharp" / "node_modules")}
    script = Path(__file__).resolve().parent / "sharp_server.js"
    return Server("sharp", ["node", str(script), str(images), str(port)], port, logs, env=env)


def thumbor(images: Path, logs: Path) -> Server:
    """thumbor from setup.sh's venv: one process, file loader rooted at the bench images."""
    port = free_port()
    conf = logs / "thumbor.conf"
    conf.write_text(THUMBOR_CONF.format(root=str(images)))
    binary = WORK / "thumbor" / "bin" / "thumbor"
    argv = [str(binary), "--ip", HOST, "--port", str(port), "--conf", str(conf)]
    return Server("thumbor", [*argv, "--processes", "1", "--log-level", "warning"], port, logs)
