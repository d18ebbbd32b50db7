"""CPU time and memory of a process tree, read from /proc (Linux only).

CPU is user+sys of every live process in the tree plus what its members already collected from
reaped children (cutime/cstime), so a worker that exits mid-cell is still counted once. Memory
is sampled: the tree's summed RSS (and PSS, which splits pages shared between forked workers
fairly) every ``interval`` seconds on a background thread, keeping the peak.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

Pids = Callable[[], Iterable[int]]


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (which may contain spaces)."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return text[text.rindex(")") + 2 :].split()


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.scandir(PROC):
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None:
                parents[int(entry.name)] = int(fields[1])
    return parents


def tree(root: int) -> list[int]:
    """``root`` and all its live descendants (this kernel has no /proc/<pid>/task/*/children,
    so the whole process table is scanned: a few ms)."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, ()))
    return found


def cpu_seconds(pids: Iterable[int]) -> float:
    """utime+stime+cutime+cstime of ``pids``, in seconds."""
    ticks = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:  # fields[11:15] are utime, stime, cutime, cstime
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / TICK


def memory_bytes(pids: Iterable[int]) -> tuple[int, int]:
    """Summed (RSS, PSS) of ``pids``; PSS is 0 where smaps_rollup is unreadable."""
    rss = pss = 0
    for pid in pids:
        base = PROC / str(pid)
        try:
            rss += int((base / "statm").read_text().split()[1]) * PAGE
            for line in (base / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
                    break
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
            continue
    return rss, pss


@dataclass
class Usage:
    """What a cell cost a peer: CPU seconds and peak memory in bytes."""

    cpu_s: float = 0.0
    peak_rss: int = 0
    peak_pss: int = 0
    samples: int = 0


class TreeMeter:
    """CPU and sampled peak memory of the processes ``pids()`` names, from start to stop."""

    def __init__(self, pids: Pids, interval: float) -> None:
        self.pids = pids
        self.memory = PeakMemory(pids, interval, refresh=0.5)
        self._cpu = 0.0

    def start(self) -> None:
        self.memory.start()
        self._cpu = cpu_seconds(self.pids())

    def stop(self) -> Usage:
        cpu = cpu_seconds(self.pids()) - self._cpu
        self.memory.stop()
        memory = self.memory
        return Usage(cpu, memory.peak_rss, memory.peak_pss, memory.samples)


class PeakMemory:
    """Samples the memory of ``pids()`` on a thread between ``start()`` and ``stop()``. The pid
    list is reused for ``refresh`` seconds: scanning /proc costs more than reading the memory,
    and the sampler shares the 2 cores with the peers."""

    def __init__(self, pids: Pids, interval: float, refresh: float = 0.0) -> None:
        self.pids = pids
        self.interval = interval
        self.refresh = refresh
        self.peak_rss = self.peak_pss = 0
        self.samples = 0
        self._known: list[int] = []
        self._known_at = -math.inf
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-memory", daemon=True)

    def _sample(self) -> None:
        if time.monotonic() - self._known_at >= self.refresh:
            self._known, self._known_at = list(self.pids()), time.monotonic()
        rss, pss = memory_bytes(self._known)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def start(self) -> PeakMemory:
        self._sample()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
