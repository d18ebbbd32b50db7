"""Where pixmill's CPU goes: the server process (HTTP, auth, limits, fetch, IPC) against its
worker processes (decode, operation, encode), for sequential thumbnail calls.

    .venv/bin/python -m bench.cpu_split [--requests 200] [--images 1080p,12mp]

Loopback only; bounded by --requests. Prints one line per input and way of sending it.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import httpx

from bench.peers import images, procstat, servers


def _split(server: servers.Server, call: httpx.Request, requests: int) -> tuple[float, float]:
    """CPU ms per request of the server process itself and of its children."""
    with httpx.Client(timeout=60, trust_env=False) as client:
        for _ in range(5):  # warm-up: workers started, modules loaded
            client.send(call).raise_for_status()
        children = [pid for pid in procstat.tree(server.pid) if pid != server.pid]
        main, workers = procstat.cpu_seconds([server.pid]), procstat.cpu_seconds(children)
        for _ in range(requests):
            assert client.send(call).status_code == 200
        main = procstat.cpu_seconds([server.pid]) - main
        workers = procstat.cpu_seconds(children) - workers
    return 1000 * main / requests, 1000 * workers / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, choices=range(1, 5001))
    parser.add_argument("--images", default="1080p,12mp")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        pictures = images.ensure(root, tuple(args.images.split(",")))
        static = servers.static_files(root, root).start()
        pixmill, key = servers.pixmill(root / "data", root)
        pixmill.start("/status")
        try:
            for picture in pictures:
                url = f"{pixmill.base}/thumbnail"
                fields = {"key": key, "width": "800", "blob": "1"}
                fetched = httpx.Request(
                    "GET", url, params={**fields, "img": f"{static.base}/{picture.name}"}
                )
                files = {"file": (picture.name, picture.path.read_bytes())}
                uploaded = httpx.Request("POST", url, data=fields, files=files)
                for way, call in (("img URL fetched", fetched), ("multipart upload", uploaded)):
                    main_ms, worker_ms = _split(pixmill, call, args.requests)
                    print(f"{picture.key:6} {way:17} main {main_ms:5.1f} ms", end="  ")
                    print(f"workers {worker_ms:5.1f} ms")
        finally:
            pixmill.stop()
            static.stop()


if __name__ == "__main__":
    main()
