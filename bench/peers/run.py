"""Run the matrix: images x operations x concurrencies, every peer in turn, repeated.

Interleaved so machine noise hits everyone alike: for each repetition, for each cell, each
peer runs once, starting from a different peer each time. Every flag has an environment
variable (``BENCH_PEERS_<FLAG>``) so ``make bench-peers`` can be resized without editing it.
Counts and time are bounded: per-cell requests and seconds, and a whole-run budget after which
the run stops and keeps what it measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pyvips

from bench.peers import images, report, servers
from bench.peers.driver import Plan, run_cell
from bench.peers.peers import OPS, PEERS, Floor, Peer, Pixmill, Sharp, Thumbor

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
BOUNDS = {"requests": 5000, "repeat": 10, "concurrency": 64, "cell_seconds": 600.0}


@dataclass(frozen=True)
class Config:
    label: str
    requests: int
    repeat: int
    concurrency: tuple[int, ...]
    peers: tuple[str, ...]
    ops: tuple[str, ...]
    images: tuple[str, ...]
    warmup: int
    cell_seconds: float
    max_minutes: float
    sample_interval: float
    docs: bool


def _names(text: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    chosen = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = sorted(set(chosen) - set(allowed))
    if unknown or not chosen:
        raise SystemExit(f"unknown {what}: {', '.join(unknown) or '(none)'}; pick from {allowed}")
    return chosen


def parse(argv: list[str]) -> Config:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m bench.peers", description=__doc__)
    add = parser.add_argument
    add("--smoke", action="store_true", help="tiny run proving the harness works (few requests)")

    def knob(flag: str, kind: type, default: object, text: str) -> None:
        variable = "BENCH_PEERS_" + flag.upper().replace("-", "_")
        value = kind(env(variable, default))
        add(f"--{flag}", type=kind, default=value, help=f"{text} (${variable}; {value})")

    knob("requests", int, 60, "measured requests per cell, shared by the loops")
    knob("repeat", int, 3, "repetitions of the whole matrix, interleaved")
    knob("concurrency", str, "1,4,16", "concurrent request loops, comma-separated")
    knob("peers", str, ",".join(PEERS), "peers to run")
    knob("ops", str, ",".join(OPS), "operations")
    knob("images", str, ",".join(images.NAMES), "input images")
    knob("warmup", int, 4, "unmeasured requests before each cell")
    knob("cell-seconds", float, 20, "a cell stops sending after this many seconds")
    knob("max-minutes", float, 150, "the run stops (keeping its results) after this")
    knob("sample-interval", float, 0.05, "seconds between memory samples")
    add("--no-docs", action="store_true", help="write the JSON only, not docs/benchmarks.md")
    args = parser.parse_args(argv)
    if args.smoke:
        args.requests, args.repeat, args.warmup, args.cell_seconds = 4, 1, 2, 5.0
    concurrency = tuple(int(value) for value in args.concurrency.split(","))
    config = Config(
        label="smoke" if args.smoke else "full",
        requests=args.requests,
        repeat=args.repeat,
        concurrency=concurrency,
        peers=_names(args.peers, PEERS, "peers"),
        ops=_names(args.ops, OPS, "ops"),
        images=_names(args.images, images.NAMES, "images"),
        warmup=args.warmup,
        cell_seconds=args.cell_seconds,
        max_minutes=args.max_minutes,
        sample_interval=args.sample_interval,
        docs=not args.no_docs,
    )
    _check_bounds(config)
    return config


def _check_bounds(config: Config) -> None:
    problems = [
        f"{name} must be 1..{limit}"
        for name, value, limit in (
            ("requests", config.requests, BOUNDS["requests"]),
            ("repeat", config.repeat, BOUNDS["repeat"]),
            ("concurrency", max(config.concurrency), BOUNDS["concurrency"]),
            ("cell-seconds", config.cell_seconds, BOUNDS["cell_seconds"]),
        )
        if not 1 <= value <= limit
    ]
    if min(config.concurrency) < 1 or not 1 <= config.warmup <= 64:
        problems.append("concurrency and warmup must be at least 1 (warmup at most 64)")
    if not 0 < config.max_minutes <= 24 * 60 or not 0.01 <= config.sample_interval <= 1:
        problems.append("max-minutes must be in (0, 1440], sample-interval in [0.01, 1]")
    if problems:
        raise SystemExit("; ".join(problems))


class Peers:
    """Starts the servers the chosen peers need and stops them all, whatever happens."""

    def __init__(self, config: Config, folder: Path, pictures: Path) -> None:
        self.folder = folder
        self.pictures = pictures
        self.names = config.peers
        self.running: list[servers.Server] = []
        self.media: Path | None = None
        self.blur_endpoint: str | None = None

    def _start(self, server: servers.Server, probe: str = "/") -> servers.Server:
        self.running.append(server)
        return server.start(probe)

    def start(self) -> list[Peer]:
        made: list[Peer] = []
        if any(name.startswith("pixmill") for name in self.names):
            made += self._pixmill()
        if "sharp" in self.names:
            made.append(Sharp(self._start(servers.sharp(self.pictures, self.folder))))
        if "thumbor" in self.names:
            made.append(Thumbor(self._start(servers.thumbor(self.pictures, self.folder))))
        if "floor" in self.names:
            made.append(Floor())
        order = {name: index for index, name in enumerate(self.names)}
        return sorted(made, key=lambda peer: order[peer.name])

    def _pixmill(self) -> list[Peer]:
        static = self._start(servers.static_files(self.pictures, self.folder))
        data = self.folder / "pixmill-data"
        server, key = servers.pixmill(data, self.folder)
        self._start(server, "/status")
        self.media = data / "media"
        # gaussianblur is PixLab's name; until pixmill has it, its blur does the same Gaussian.
        missing = httpx.get(server.base + "/gaussianblur", trust_env=False).status_code == 404
        self.blur_endpoint = "blur" if missing else "gaussianblur"
        return [
            Pixmill(server, key, static.base, self.blur_endpoint, link=name == "pixmill-link")
            for name in ("pixmill-blob", "pixmill-link")
            if name in self.names
        ]

    def clear_media(self) -> None:
        """Drop what the stored-link path stored, between cells (a full run writes gigabytes)."""
        if self.media is not None and self.media.exists():
            for entry in self.media.iterdir():
                shutil.rmtree(entry, ignore_errors=True)

    def stop(self) -> None:
        for server in reversed(self.running):
            server.stop()


def _versions() -> dict[str, str]:
    def output(*argv: str) -> str:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False)
        except OSError:
            return "missing"
        lines = (done.stdout or done.stderr).strip().splitlines()
        return (lines[0] if lines else "") if done.returncode == 0 else "?"

    import pixmill

    work, root, commit = servers.WORK, servers.ROOT, ("rev-parse", "--short", "HEAD")
    stamp = {name: (work / f"{name}.stamp") for name in ("thumbor", "sharp")}
    return {
        # Others' uncommitted edits under src/ are measured too: say so.
        "pixmill": f"{pixmill.__version__} ({output('git', '-C', str(root), *commit)}"
        + ("+dirty)" if output("git", "-C", str(root), "status", "--porcelain", "src") else ")"),
        "libvips (pixmill)": ".".join(str(pyvips.version(part)) for part in range(3)),
        "thumbor": stamp["thumbor"].read_text().strip() if stamp["thumbor"].exists() else "?",
        "sharp": stamp["sharp"].read_text().strip() if stamp["sharp"].exists() else "?",
        "node": output("node", "--version"),
        "libjpeg-turbo": output("djpeg", "-version").removeprefix("libjpeg-turbo version "),
        "python": platform.python_version(),
    }


def _machine() -> dict[str, object]:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return {"cores": os.cpu_count(), "cpu": model, "kernel": platform.release()}


async def measure(
    config: Config,
    peers: list[Peer],
    pictures: list[images.Image],
    stack: Peers,
    records: list[dict[str, object]],
) -> bool:
    """Every cell for every repetition, appended to ``records``; True if time ran out."""
    plan = Plan(config.requests, config.warmup, config.cell_seconds, config.sample_interval)
    cells = [(image, op, c) for image in pictures for op in config.ops for c in config.concurrency]
    deadline = time.monotonic() + config.max_minutes * 60
    # The floor runs its pipelines on threads: one per concurrent request, not asyncio's few.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max(config.concurrency)))
    for rep in range(1, config.repeat + 1):
        for index, (image, op, concurrency) in enumerate(cells):
            active = [peer for peer in peers if peer.supports(image, op)]
            shift = (index + rep) % len(active) if active else 0
            for peer in active[shift:] + active[:shift]:
                if time.monotonic() > deadline:
                    return True
                record = {"rep": rep, "image": image.key, "op": op, "concurrency": concurrency}
                record["peer"] = peer.name
                try:
                    record |= (await run_cell(peer, image, op, concurrency, plan)).record()
                except Exception as error:  # a peer that fails a cell must not end the run
                    record["failed"] = f"{type(error).__name__}: {error}"
                if peer.name == "pixmill-link":
                    stack.clear_media()
                records.append(record)
                print(_progress(rep, config.repeat, record), flush=True)
    return False


def _progress(rep: int, repeat: int, record: dict[str, object]) -> str:
    where = f"[{rep}/{repeat}] {record['image']:>7} {record['op']:<9} c={record['concurrency']:<2}"
    if "failed" in record:
        return f"{where} {record['peer']:<12} FAILED {record['failed']}"
    return (
        f"{where} {record['peer']:<12} {record['throughput']:7.1f} req/s"
        f"  p50 {record['p50_ms']} p99 {record['p99_ms']} ms"
        f"  cpu {record['cpu_ms_per_request']} ms/req"
        f"  rss {record['peak_rss_mb']} MB pss {record['peak_pss_mb']} MB"
        + (f"  errors {record['errors']}: {record['first_error']}" if record["errors"] else "")
    )


def main(argv: list[str] | None = None) -> int:
    config = parse(sys.argv[1:] if argv is None else argv)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = servers.WORK / "runs" / stamp
    folder.mkdir(parents=True)
    pictures = images.ensure(servers.WORK / "images", config.images)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_before = os.getloadavg()
    stack = Peers(config, folder, servers.WORK / "images")
    records: list[dict[str, object]] = []
    truncated = True
    try:
        peers = stack.start()
        truncated = asyncio.run(measure(config, peers, pictures, stack, records))
    except KeyboardInterrupt:
        print("interrupted: keeping what was measured", flush=True)
    finally:
        stack.stop()
        shutil.rmtree(folder / "pixmill-data", ignore_errors=True)
    result = {
        "label": config.label,
        "started": started,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "truncated": truncated,
        "config": asdict(config),
        "machine": {**_machine(), "loadavg_before": load_before, "loadavg_after": os.getloadavg()},
        "versions": _versions(),
        "pixmill_blur_endpoint": stack.blur_endpoint,
        "images": [picture.record() for picture in pictures],
        "cells": records,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stamp}-{config.label}.json"
    path.write_text(json.dumps(result, indent=1))
    print(f"results: {path} (server logs in {folder})")
    if config.docs:
        report.write(result)
        print(f"wrote {report.DOC} and {report.CHART}")
    return 0
