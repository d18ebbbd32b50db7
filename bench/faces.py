"""Face endpoints: images per second on this machine and the server's memory with every face
model loaded.

Starts a real ``pixmill serve`` (default settings: 2 worker processes, 1 thread each) on
127.0.0.1, serves the test photos from a local origin, then for each endpoint measures the
latency of sequential calls and the throughput of 2 concurrent clients. Memory is the summed
RSS of the server and its workers, sampled every 50 ms. Bounded: a few hundred requests, all on
loopback. Run: ``.venv/bin/python -m bench.faces`` (after ``pixmill models install``).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from tests.models.face_photos import compose, face_photo, jpeg
from tests.support import Origin, photo

GROUP_1080P = [
    ("astronaut", 30, 40, 110),
    ("hopper", 150, 500, 90),
    ("camera", 300, 60, 200),
    ("astronaut", 560, 420, 200),
    ("hopper", 900, 80, 320),
    ("camera", 1350, 380, 480),
]
SEQUENTIAL = 20
CONCURRENT = 40


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tree_rss_mb(root: int) -> float:
    """Summed RSS of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total / 1024


class Server:
    """``pixmill serve`` in a subprocess, with its first API key."""

    def __init__(self, data_dir: Path) -> None:
        self.port = _free_port()
        env = os.environ | {
            "PIXMILL_DATA_DIR": str(data_dir),
            "PIXMILL_ALLOW_PRIVATE_SOURCES": "true",
            "PIXMILL_RATE_LIMIT_PER_MINUTE": "1000000",
            "PIXMILL_PUBLIC_URL": f"http://127.0.0.1:{self.port}",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pixmill", "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self.key = ""
        for line in self.process.stdout:
            if "API key" in line:
                self.key = line.rsplit(" ", 1)[1].strip()
            if "listening" in line:
                break
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                httpx.get(f"{self.base}/status", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def _calls(origin: Origin) -> dict[str, dict[str, str]]:
    group = origin.add("/group1080.jpg", jpeg(compose(GROUP_1080P)[0]))
    astronaut = origin.add("/astronaut.jpg", photo("astronaut"))
    hopper = origin.add("/hopper.jpg", jpeg(face_photo("hopper")))
    crowd = origin.add(
        "/crowd.jpg",
        jpeg(compose([("camera", 40, 150, 260), ("astronaut", 380, 120, 240),
                      ("hopper", 700, 100, 280)], size=(1100, 560))[0]),
    )  # fmt: skip
    return {
        "facedetect (1080p, 6 faces)": {"path": "facedetect", "img": group},
        "facedetect (512x512, 1 face)": {"path": "facedetect", "img": astronaut},
        "facelandmarks (512x512, 1 face)": {"path": "facelandmarks", "img": astronaut},
        "facemotion (512x512, 1 face)": {"path": "facemotion", "img": astronaut},
        "facecompare (512x512 + 512x600)": {
            "path": "facecompare",
            "src": astronaut,
            "target": hopper,
        },
        "facelookup (1 face in a 3-face crowd)": {
            "path": "facelookup",
            "face": hopper,
            "crowd": crowd,
        },
    }


def _call(client: httpx.Client, server: Server, params: dict[str, str]) -> float:
    query = {name: value for name, value in params.items() if name != "path"}
    started = time.perf_counter()
    reply = client.get(f"{server.base}/{params['path']}", params={"key": server.key, **query})
    elapsed = time.perf_counter() - started
    assert reply.status_code == 200, reply.text
    return elapsed


def in_process_facedetect(runs: int = 30) -> tuple[float, float]:
    """Decode + detect of the 1080p group photo in this process (1 thread), min and median ms:
    the worker's share of a facedetect call, without HTTP, fetch and queueing."""
    import pyvips

    from pixmill.app import limits_of
    from pixmill.engine.codec import decode, read_input
    from pixmill.models import runtime
    from pixmill.models.faces import find_faces, rgb_array
    from pixmill.settings import Settings

    pyvips.concurrency_set(1)
    settings = Settings()
    runtime.configure(settings.models_dir)
    data = jpeg(compose(GROUP_1080P)[0])
    limits = limits_of(settings)
    times = []
    for _ in range(runs + 3):
        started = time.perf_counter()
        assert len(find_faces(rgb_array(decode(read_input(data), limits)))) == len(GROUP_1080P)
        times.append((time.perf_counter() - started) * 1000)
    times = sorted(times[3:])
    return times[0], statistics.median(times)


def main() -> None:
    detect_min, detect_median = in_process_facedetect()
    origin = Origin()
    with tempfile.TemporaryDirectory() as data_dir:
        server = Server(Path(data_dir))
        peak = [0.0]
        running = threading.Event()
        running.set()

        def sample() -> None:
            while running.is_set():
                peak[0] = max(peak[0], _tree_rss_mb(server.process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        idle = _tree_rss_mb(server.process.pid)
        rows = []
        try:
            with httpx.Client(timeout=60) as client:
                for label, params in _calls(origin).items():
                    for _ in range(4):  # both workers load their sessions
                        _call(client, server, params)
                    times = [_call(client, server, params) for _ in range(SEQUENTIAL)]
                    started = time.perf_counter()
                    with ThreadPoolExecutor(2) as pool:
                        calls = []
                        for _ in range(CONCURRENT):
                            calls.append(pool.submit(_call, client, server, params))
                        for call in calls:
                            call.result()
                    rate = CONCURRENT / (time.perf_counter() - started)
                    times.sort()
                    p90 = times[int(len(times) * 0.9) - 1]
                    rows.append((label, statistics.median(times) * 1000, p90 * 1000, rate))
            loaded = _tree_rss_mb(server.process.pid)
        finally:
            running.clear()
            sampler.join()
            server.close()
            origin.close()
    print("| endpoint (input) | median latency | p90 latency | images/s, 2 clients |")
    print("|---|---|---|---|")
    for label, median, p90, rate in rows:
        print(f"| {label} | {median:.0f} ms | {p90:.0f} ms | {rate:.1f} |")
    print()
    print(f"facedetect 1080p in one process (decode + detect, 1 thread): min {detect_min:.0f} ms, "
          f"median {detect_median:.0f} ms.")  # fmt: skip
    print(f"Server RSS (main process + 2 workers): idle {idle:.0f} MiB, with every face model "
          f"loaded {loaded:.0f} MiB, peak during the run {peak[0]:.0f} MiB.")  # fmt: skip


if __name__ == "__main__":
    main()
