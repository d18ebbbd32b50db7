"""Soak: thousands of mixed normal and hostile requests against a real `pixmill serve` on
loopback; reports whether the server tree's RSS stays flat and whether any request got a 5xx.

    .venv/bin/python -m bench.soak --requests 3000 --concurrency 4

Bounded: loopback only, a fixed request count, a fresh data directory that is removed after.
The server runs as a deployment would (private sources forbidden), with a 5 s job limit so
the few CPU bombs in the mix are killed quickly. Results go in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil
from PIL import Image
from tests.hostile import generate, serve

MB = 1024 * 1024
Call = Callable[[httpx.Client, str, str], httpx.Response]


def _photo(width: int, height: int, fmt: str = "JPEG") -> bytes:
    """A photo-like image: smooth gradients plus noise, so codecs do real work."""
    import numpy as np

    rng = np.random.default_rng(width)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x * 255 // width, y * 255 // height, (x + y) * 127 // (width + height)], -1)
    noisy = np.clip(base + rng.normal(0, 12, base.shape), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noisy).save(buffer, fmt, **({"quality": 88} if fmt == "JPEG" else {}))
    return buffer.getvalue()


def _upload(endpoint: str, data: bytes, **fields: object) -> Call:
    def call(client: httpx.Client, base: str, key: str) -> httpx.Response:
        files = {"file": ("a", data, "application/octet-stream")}
        return client.post(f"{base}/{endpoint}", data={"key": key, **fields}, files=files)

    return call


def _get(endpoint: str, **params: object) -> Call:
    def call(client: httpx.Client, base: str, key: str) -> httpx.Response:
        return client.get(f"{base}/{endpoint}", params={"key": key, **params})

    return call


def _raw_json(body: bytes) -> Call:
    def call(client: httpx.Client, base: str, key: str) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        return client.post(f"{base}/rotate", params={"key": key}, content=body, headers=headers)

    return call


def workload() -> tuple[list[tuple[str, Call]], list[tuple[str, Call]]]:
    """(normal calls, hostile calls), each named for the report."""
    photo, small, png = _photo(1600, 1200), _photo(640, 480), _photo(400, 300, "PNG")
    normal = [
        ("thumbnail 1600x1200", _upload("thumbnail", photo, width=320)),
        ("rotate 640x480", _upload("rotate", small, degree=90)),
        ("blur 640x480", _upload("blur", small, sigma=2)),
        ("grayscale png", _upload("grayscale", png, blob="true")),
        ("convert to webp", _upload("convert", small, export="webp")),
        ("header", _upload("header", photo)),
        ("crop", _upload("crop", photo, x=10, y=10, width=300, height=200)),
    ]
    hostile = [
        (f"file:{name}", _upload("flip", generate.build(name)))
        for name in (
            "png_pixel_bomb",
            "jpeg_scan_bomb",
            "gif_frame_larger_than_screen",
            "png_chunk_claims_2gib",
            "png_ztxt_bomb",
            "truncated_jpeg",
            "svg_billion_laughs",
            "bmp_header_lies",
            "gif_100k_frames",
            "jpeg_zip_polyglot",
        )
    ]
    hostile += [
        ("ssrf decimal loopback", _get("flip", img="http://2130706433/x.png")),
        ("ssrf metadata", _get("flip", img="http://169.254.169.254/latest/meta-data/")),
        ("ssrf file scheme", _get("flip", img="file:///etc/passwd")),
        ("json deep nesting", _raw_json(b"[" * 50_000 + b"]" * 50_000)),
        ("json NaN", _raw_json(b'{"img": "http://x/", "degree": NaN}')),
        ("number 1e309", _get("rotate", img="http://x/", degree="1e309")),
        ("unicode digits", _get("rotate", img="http://x/", degree="１８０")),
        ("huge output canvas", _upload("resize", small, width=16384, height=16384)),
        ("wrong key", lambda c, b, k: c.get(f"{b}/rotate", params={"key": k + "x"})),
        ("cpu bomb (killed)", _upload("motionblur", _photo(3000, 3000), sigma=200, angle=30)),
    ]
    return normal, hostile


def tree_cpu(pid: int) -> float:
    total = 0.0
    for proc in serve.tree(pid):
        with contextlib.suppress(psutil.NoSuchProcess):
            times = proc.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--hostile-share", type=float, default=0.4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    normal, hostile = workload()
    rng = random.Random(args.seed)
    plan = [
        rng.choice(hostile) if rng.random() < args.hostile_share else rng.choice(normal)
        for _ in range(args.requests)
    ]
    with tempfile.TemporaryDirectory(prefix="pixmill-soak-") as tmp:
        # A deployment's settings, a short job limit for the CPU bombs, glibc arenas capped.
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        process, base, key = serve.start(
            Path(tmp), job_timeout="5", queue_size="32", rate_limit_per_minute="1000000"
        )
        try:
            report = soak(process.pid, base, key, plan, args.concurrency)
        finally:
            serve.stop(process)
    print(report)


def soak(pid: int, base: str, key: str, plan: list[tuple[str, Call]], concurrency: int) -> str:
    statuses: Counter[tuple[str, int]] = Counter()
    samples: list[tuple[int, int]] = []  # (requests done, RSS)
    done = 0
    lock = threading.Lock()
    client = httpx.Client(timeout=60)

    def one(item: tuple[str, Call]) -> None:
        nonlocal done
        name, call = item
        status = call(client, base, key).status_code
        with lock:
            statuses[name, status] += 1
            done += 1

    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            samples.append((done, serve.tree_rss(pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    cpu_before, started = tree_cpu(pid), time.monotonic()
    sampler.start()
    with ThreadPoolExecutor(concurrency) as executor:
        list(executor.map(one, plan))
    stop.set()
    sampler.join()
    elapsed, cpu = time.monotonic() - started, tree_cpu(pid) - cpu_before
    client.close()
    return _report(plan, statuses, samples, elapsed, cpu, concurrency)


def _mean_rss(samples: list[tuple[int, int]], low: float, high: float) -> float:
    """Mean RSS (MB) of the samples taken while the done count was in [low, high], or of the
    sample nearest to that span on a run too short to have any in it."""
    inside = [rss for n, rss in samples if low <= n <= high]
    if not inside:
        inside = [min(samples, key=lambda sample: abs(sample[0] - low))[1]]
    return sum(inside) / len(inside) / MB


def _report(plan, statuses, samples, elapsed, cpu, concurrency) -> str:
    total = len(plan)
    after_warm_up = _mean_rss(samples, total * 0.2, total * 0.3)
    at_end = _mean_rss(samples, total * 0.9, total)
    peak = max(rss for _, rss in samples) / MB
    server_errors = sum(n for (_, status), n in statuses.items() if status >= 500 and status != 503)
    lines = [
        f"{total} requests at concurrency {concurrency} in {elapsed:.0f} s "
        f"({total / elapsed:.1f} req/s, {cpu * 1000 / total:.0f} CPU ms/request)",
        f"server tree RSS: {after_warm_up:.0f} MB after warm-up (20-30% of the run), "
        f"{at_end:.0f} MB at the end (last 10%), peak {peak:.0f} MB; "
        f"change {100 * (at_end - after_warm_up) / after_warm_up:+.1f}%",
        f"5xx answers: {server_errors}",
        "",
        "| request | statuses |",
        "|---|---|",
    ]
    by_name: dict[str, list[str]] = {}
    for (name, status), count in sorted(statuses.items()):
        by_name.setdefault(name, []).append(f"{status}×{count}")
    lines += [f"| {name} | {', '.join(counts)} |" for name, counts in by_name.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
