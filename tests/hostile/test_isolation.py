"""Isolation and overload: wall-clock kills, dead workers, the address-space limit, the bounded
queue, cheap requests under load, the per-IP limit (security.md checks 8, 9, 13, 31, 35)."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx2 as httpx
import numpy as np
import psutil
import pytest
from PIL import Image
from starlette.testclient import TestClient

from pixmill.app import create_app, open_keys
from pixmill.commands import discover
from pixmill.engine.codec import Limits
from pixmill.jobs import Job
from pixmill.params import validate
from pixmill.workers import WorkerPool
from tests.conftest import make_settings
from tests.hostile.conftest import JOB_TIMEOUT, MB, QUEUE_SIZE, WORKERS, Server, expect, tiny_png
from tests.support import clear_of_a_minute_boundary


def _flat_jpeg(side: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (side, side), (120, 130, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


# A motion blur at its largest sigma on 36 MP: about 30 s of CPU here (4 s for sigma 100 on
# 9 MP, linear in pixels and in sigma), many times the job limit, and within every bound.
SLOW = _flat_jpeg(6000)


def slow_job(server: Server) -> httpx.Response:
    return server.upload("/motionblur", SLOW, sigma=200, angle=30, timeout=60)


def test_a_cpu_bomb_within_every_parameter_bound_is_killed_at_the_deadline(server: Server):
    reply = expect(server, lambda: slow_job(server), 400, seconds=JOB_TIMEOUT + 1.5)
    assert "longer than" in reply.json()["error"]


def test_a_worker_that_dies_mid_job_gives_json_and_is_replaced(server: Server) -> None:
    """SIGKILL stands in for the OOM killer or a decoder crash."""

    def kill_the_busy_worker() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            busy = [w for w in server.workers() if w.cpu_percent(interval=0.2) > 50]
            if busy:
                os.kill(busy[0].pid, signal.SIGKILL)
                return

    killer = threading.Thread(target=kill_the_busy_worker)
    killer.start()
    reply = expect(server, lambda: slow_job(server), 400, seconds=JOB_TIMEOUT + 3)
    killer.join()
    assert "limits" in reply.json()["error"] or "longer than" in reply.json()["error"]


def test_workers_run_under_the_address_space_limit(server: Server) -> None:
    limit = 3072 * MB  # the default worker_memory_mb
    deadline = time.monotonic() + 10  # a worker replaced by an earlier case may be starting
    while time.monotonic() < deadline:
        workers = server.workers()
        limits = {worker.rlimit(psutil.RLIMIT_AS) for worker in workers}
        if len(workers) == WORKERS and limits == {(limit, limit)}:
            return
        time.sleep(0.2)
    raise AssertionError(f"worker address-space limits: {limits}")


def test_an_allocation_past_the_address_space_limit_fails_only_that_job() -> None:
    """A pool whose limit leaves 250 MB above an idle worker's address space: a 49 MP image
    (147 MB decoded, twice that while flipping) cannot fit, a small one still can."""
    flip = discover().get("flip")
    assert flip is not None
    params = validate(flip.params, {"img": "upload"})
    limits = Limits(50_000_000, 16384, 200, 100_000_000, 85)
    big = io.BytesIO()
    Image.fromarray(np.full((7000, 7000, 3), 90, np.uint8)).save(big, "PNG", compress_level=9)

    def run(pool: WorkerPool, data: bytes):
        return asyncio.run(pool.run(Job("flip", params, {"upload": data}, limits)))

    options = {"workers": 1, "threads": 1, "queue_size": 0, "timeout": 30, "max_tasks": 0}
    started = time.time()
    probe = WorkerPool(memory_mb=4096, **options)
    try:
        run(probe, tiny_png())
        (worker,) = [
            child
            for child in psutil.Process().children()
            if child.create_time() >= started - 1 and "spawn_main" in " ".join(child.cmdline())
        ]
        idle = worker.memory_info().vms // MB
    finally:
        probe.close()
    pool = WorkerPool(memory_mb=idle + 250, **options)
    try:
        assert run(pool, tiny_png()).format == "png"
        with pytest.raises(Exception) as failure:
            run(pool, big.getvalue())
        assert getattr(failure.value, "status", None) == 400
        assert run(pool, tiny_png()).format == "png"
    finally:
        pool.close()


def test_a_full_queue_answers_429_at_once_and_cheap_requests_stay_fast(server: Server) -> None:
    capacity = WORKERS + QUEUE_SIZE
    with ThreadPoolExecutor(capacity + 3) as executor:
        heavy = [executor.submit(slow_job, server) for _ in range(capacity + 3)]
        time.sleep(1.0)  # let them be admitted
        for send, status in (
            (lambda: httpx.get(server.url("/status"), timeout=10), 200),
            (lambda: server.get("/rotate", img="http://x/", degree="ninety"), 400),
            (lambda: httpx.get(server.url("/rotate"), params={"key": "wrong"}, timeout=10), 401),
            (lambda: server.upload("/flip", tiny_png()), 429),  # a job: no place left for it
        ):
            started = time.monotonic()
            reply = send()
            assert time.monotonic() - started < 2, reply.text
            assert reply.status_code == status, reply.text
        replies = [future.result() for future in heavy]
    refused = [r for r in replies if r.status_code == 429]
    assert len(refused) >= 3
    for reply in refused:
        assert reply.json() == {"status": 429, "error": reply.json()["error"]}
        assert int(reply.headers["retry-after"]) >= 1
        assert reply.elapsed.total_seconds() < 2
    assert all(r.status_code in (400, 429) for r in replies)
    server.assert_healthy()


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory):
    settings = make_settings(tmp_path_factory.mktemp("limited"), rate_limit_per_minute=3, workers=1)
    key = open_keys(settings).create("limited")[0]
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client, key


def test_the_per_ip_limit_answers_429_with_retry_after_and_ignores_spoofed_headers(limited):
    client, key = limited
    clear_of_a_minute_boundary()
    for _ in range(3):  # counted before authentication: a key-less flood is limited too
        assert client.get("/rotate").status_code == 401
    spoofs = [
        {},
        {"X-Forwarded-For": "203.0.113.9"},
        {"X-Real-IP": "203.0.113.10"},
        {"Forwarded": "for=203.0.113.11"},
    ]
    for headers in spoofs:
        started = time.monotonic()
        reply = client.get("/rotate", params={"key": key, "img": "http://x/"}, headers=headers)
        assert time.monotonic() - started < 0.5
        assert reply.status_code == 429, reply.text
        assert reply.json()["status"] == 429
        assert 1 <= int(reply.headers["retry-after"]) <= 60
