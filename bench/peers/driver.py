"""One cell: one peer, one image, one operation, one concurrency.

A warm-up (whose first output is decoded and checked: the peer really did the operation), then
``concurrency`` loops share a budget of ``requests`` and a deadline; each request's latency runs
from sending to having the whole body. Around the measured phase: the peer's CPU seconds and a
memory sampler. A failed request is counted, not retried.
"""

from __future__ import annotations

import asyncio
import resource
import time
from dataclasses import asdict, dataclass

import httpx
import numpy as np
import pyvips

from bench.peers.images import Image
from bench.peers.peers import Peer, PeerError, expected
from bench.peers.procstat import Usage

LOADERS = {"jpegload_buffer": "jpeg", "pngload_buffer": "png", "webpload_buffer": "webp"}
REQUEST_TIMEOUT = 120.0  # seconds; a 12 MP WebP at c=16 on 2 busy cores takes a while


@dataclass(frozen=True)
class Plan:
    requests: int
    warmup: int
    max_seconds: float
    sample_interval: float


def check(peer: Peer, image: Image, op: str, data: bytes) -> None:
    """Raise PeerError unless ``data`` is the image the operation must produce."""
    width, height, fmt = expected(image, op)
    try:
        decoded = pyvips.Image.new_from_buffer(data, "")
    except pyvips.Error as error:
        raise PeerError(f"output does not decode: {error}") from error
    got = LOADERS.get(decoded.get("vips-loader"), decoded.get("vips-loader"))
    if got != fmt:
        raise PeerError(f"output is {got}, expected {fmt}")
    if peer.exact and abs(decoded.width - width) + abs(decoded.height - height) > 1:
        raise PeerError(f"output is {decoded.width}x{decoded.height}, expected {width}x{height}")
    if not peer.exact and decoded.width < width:
        raise PeerError(f"output is {decoded.width} px wide, expected at least {width}")


def _client(concurrency: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT, trust_env=False)


@dataclass
class CellResult:
    completed: int
    errors: int
    wall_s: float
    throughput: float
    p50_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    cpu_ms_per_request: float | None
    client_cpu_ms_per_request: float | None
    peak_rss_mb: float
    peak_pss_mb: float
    memory_samples: int
    first_error: str | None

    def record(self) -> dict[str, object]:
        return asdict(self)


async def run_cell(peer: Peer, image: Image, op: str, concurrency: int, plan: Plan) -> CellResult:
    async with _client(concurrency) as client:
        await _warm_up(client, peer, image, op, concurrency, plan.warmup)
        latencies: list[float] = []
        failures: list[str] = []
        issued = 0
        deadline = time.monotonic() + plan.max_seconds

        async def loop() -> None:
            nonlocal issued
            while issued < plan.requests and time.monotonic() < deadline:
                issued += 1
                began = time.perf_counter()
                try:
                    await peer.request(client, image, op)
                except (PeerError, httpx.HTTPError) as error:
                    failures.append(f"{type(error).__name__}: {error}")
                    continue
                latencies.append(time.perf_counter() - began)

        meter = peer.meter(concurrency, plan.sample_interval)
        meter.start()
        client_before = _own_cpu()
        began = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(concurrency)))
        wall = time.perf_counter() - began
        client_cpu = _own_cpu() - client_before
        usage = meter.stop()
    return _summary(latencies, failures, wall, usage, client_cpu)


async def _warm_up(
    client: httpx.AsyncClient, peer: Peer, image: Image, op: str, concurrency: int, count: int
) -> None:
    """``count`` requests, ``concurrency`` at a time at most (this also spawns worker processes
    and opens connections); the first answer is checked."""
    first = await peer.request(client, image, op)
    check(peer, image, op, first)
    parallel = max(1, min(concurrency, count - 1))
    for start in range(1, count, parallel):
        batch = min(parallel, count - start)
        await asyncio.gather(*(peer.request(client, image, op) for _ in range(batch)))


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _summary(
    latencies: list[float],
    failures: list[str],
    wall: float,
    usage: Usage,
    client_cpu: float,
) -> CellResult:
    done = len(latencies)
    ms = np.array(latencies) * 1000
    total = done + len(failures)
    return CellResult(
        completed=done,
        errors=len(failures),
        wall_s=round(wall, 4),
        throughput=round(done / wall, 3) if wall > 0 else 0.0,
        p50_ms=round(float(np.percentile(ms, 50)), 2) if done else None,
        p99_ms=round(float(np.percentile(ms, 99)), 2) if done else None,
        mean_ms=round(float(ms.mean()), 2) if done else None,
        # failed requests used CPU too: divide by everything sent
        cpu_ms_per_request=round(usage.cpu_s * 1000 / total, 2) if total else None,
        client_cpu_ms_per_request=round(client_cpu * 1000 / total, 2) if total else None,
        peak_rss_mb=round(usage.peak_rss / 2**20, 1),
        peak_pss_mb=round(usage.peak_pss / 2**20, 1),
        memory_samples=usage.samples,
        first_error=failures[0] if failures else None,
    )
