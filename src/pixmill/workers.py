"""The bounded pool of worker processes where every pixel is touched (architecture.md §4.6).

Workers are spawned (never forked from a process with libvips threads), run with an
address-space limit, get a wall-clock deadline per job, and are replaced when killed. In front
of the pool a bounded queue answers 429 at once when full, before any fetch happens.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import resource
import signal
from collections.abc import Iterator
from concurrent.futures import CancelledError as FutureCancelled
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from pixmill import jobs
from pixmill.errors import BadRequest, TooManyRequests
from pixmill.models import runtime

log = logging.getLogger(__name__)


def _init_worker(threads: int, memory_mb: int, models_dir: Path | None = None) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # pebble stops a worker past its deadline with SIGTERM, handled in Python; a worker busy in
    # libvips' C code never runs that handler, and pebble waits 3 s before SIGKILL. Die at once.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    import pyvips

    pyvips.cache_set_max(0)  # a server sees each image once; the cache only holds memory
    pyvips.concurrency_set(threads)
    pyvips.block_untrusted_set(True)
    if models_dir is not None:
        runtime.configure(models_dir, threads)
    jobs.discover()


class WorkerPool:
    """Runs jobs in worker processes, at most ``workers + queue_size`` admitted at once."""

    def __init__(
        self,
        *,
        workers: int,
        threads: int,
        queue_size: int,
        timeout: float,
        memory_mb: int,
        max_tasks: int,
        models_dir: Path | None = None,
    ) -> None:
        self.workers = workers
        self.capacity = workers + queue_size
        self.timeout = timeout
        self.in_flight = 0
        self._options = {
            "max_workers": workers,
            "max_tasks": max_tasks,
            "initializer": _init_worker,
            "initargs": (threads, memory_mb, models_dir),
            "context": multiprocessing.get_context("spawn"),
        }
        self._pool = ProcessPool(**self._options)

    def _healthy_pool(self) -> ProcessPool:
        """The pool, rebuilt if it broke: pebble gives up on the whole pool when a worker dies
        while idle (killed by the OOM killer or an operator), so we start a fresh one."""
        if not self._pool.active:
            log.warning("worker pool broke; starting a new one")
            self._pool.stop()
            self._pool = ProcessPool(**self._options)
        return self._pool

    @contextmanager
    def admit(self) -> Iterator[None]:
        """Hold a place in the queue for one request, or refuse with 429 when it is full."""
        if self.in_flight >= self.capacity:
            raise TooManyRequests("The server is busy; retry shortly", retry_after=1)
        self.in_flight += 1
        try:
            yield
        finally:
            self.in_flight -= 1

    async def run(self, job: jobs.Job) -> jobs.JobResult:
        """Run a job in a worker; a job past its deadline or that kills its worker is a 400."""
        try:
            return await self._attempt(job)
        except BrokenProcessPool:  # the pool broke under this job, not because of it
            return await self._attempt(job)

    async def _attempt(self, job: jobs.Job) -> jobs.JobResult:
        future = self._healthy_pool().schedule(jobs.run, args=(job,), timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            raise BadRequest(
                f"Processing took longer than {self.timeout:g} s and was stopped"
            ) from None
        except ProcessExpired as error:
            log.warning("worker died running %s: exit code %s", job.command, error.exitcode)
            raise BadRequest(
                "The image could not be processed within the server's limits"
            ) from None
        except (asyncio.CancelledError, FutureCancelled):
            future.cancel()
            raise

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=5)
