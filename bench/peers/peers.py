"""What each peer is asked for each operation, and how its CPU and memory are read.

The operations, identical for everyone: ``thumbnail`` (800 px wide, height by aspect, upscaling
the 600x400 image), ``crop`` (the centre half of each side), ``rotate`` (90 degrees clockwise),
``blur`` (Gaussian, sigma 5: thumbor and pixmill are also given radius 15, as their calls
require; sharp's libvips sizes its own kernel) and ``webp`` (re-encode as WebP q85). Outputs
are JPEG q85 or PNG as the input, WebP for ``webp``. The floor does only ``thumbnail`` of the
JPEGs.
"""

from __future__ import annotations

import asyncio
import math
import os
import threading
from urllib.parse import quote

import httpx

from bench.peers import procstat
from bench.peers.images import Image
from bench.peers.servers import Server

OPS = ("thumbnail", "crop", "rotate", "blur", "webp")
THUMB_WIDTH = 800


def crop_box(image: Image) -> tuple[int, int, int, int]:
    """x, y, width, height of the centre half."""
    return image.width // 4, image.height // 4, image.width // 2, image.height // 2


def expected(image: Image, op: str) -> tuple[int, int, str]:
    """Width, height and format every peer must answer (the floor excepted)."""
    fmt = "webp" if op == "webp" else image.format
    if op == "thumbnail":
        return THUMB_WIDTH, round(image.height * THUMB_WIDTH / image.width), fmt
    if op == "crop":
        return *crop_box(image)[2:], fmt
    if op == "rotate":
        return image.height, image.width, fmt
    return image.width, image.height, fmt


class PeerError(Exception):
    """A request that did not produce an image."""


async def _get(
    client: httpx.AsyncClient, url: str, params: dict[str, object] | None = None
) -> httpx.Response:
    response = await client.get(url, params=params)
    if response.status_code != 200:
        raise PeerError(f"HTTP {response.status_code}: {response.text[:200]}")
    return response


class ServerPeer:
    """A peer that is an HTTP server: CPU and memory are those of its process tree."""

    name = "server"
    exact = True  # the output has exactly the expected size

    def __init__(self, server: Server) -> None:
        self.server = server

    def supports(self, image: Image, op: str) -> bool:
        return op in OPS

    def pids(self) -> list[int]:
        return procstat.tree(self.server.pid)

    def meter(self, concurrency: int, interval: float) -> procstat.TreeMeter:
        return procstat.TreeMeter(self.pids, interval)

    async def request(self, client: httpx.AsyncClient, image: Image, op: str) -> bytes:
        raise NotImplementedError


class Sharp(ServerPeer):
    name = "sharp"

    async def request(self, client: httpx.AsyncClient, image: Image, op: str) -> bytes:
        params = dict(zip("xywh", crop_box(image), strict=True)) if op == "crop" else None
        url = f"{self.server.base}/{op}/{quote(image.name)}"
        return (await _get(client, url, params)).content


class Thumbor(ServerPeer):
    name = "thumbor"

    @staticmethod
    def path(image: Image, op: str) -> str:
        if op == "thumbnail":
            return f"{THUMB_WIDTH}x0"  # not fit-in, which never upscales the 600x400 image
        if op == "crop":
            x, y, width, height = crop_box(image)
            return f"{x}x{y}:{x + width}x{y + height}"
        return {
            "rotate": "filters:rotate(270)",  # thumbor turns counter-clockwise
            "blur": "filters:blur(15,5)",  # radius 15 = 3 sigma; pixmill is sent the same
            "webp": "filters:format(webp)",
        }[op]

    async def request(self, client: httpx.AsyncClient, image: Image, op: str) -> bytes:
        url = f"{self.server.base}/unsafe/{self.path(image, op)}/{quote(image.name)}"
        return (await _get(client, url)).content


class Pixmill(ServerPeer):
    """pixmill as a PixLab client calls it: GET with ``img`` a URL that pixmill fetches (from the
    static file server on loopback). ``link=True`` takes the stored-link path: the JSON reply,
    then a GET of its ``link``; otherwise ``blob=true`` answers the bytes."""

    def __init__(self, server: Server, key: str, sources: str, blur: str, link: bool) -> None:
        super().__init__(server)
        self.key = key
        self.sources = sources
        self.blur = blur  # "gaussianblur" where it exists, else "blur"
        self.link = link
        self.name = "pixmill-link" if link else "pixmill-blob"

    def endpoint(self, image: Image, op: str) -> tuple[str, dict[str, object]]:
        if op == "thumbnail":
            return "thumbnail", {"width": THUMB_WIDTH}
        if op == "crop":
            return "crop", dict(zip(("x", "y", "width", "height"), crop_box(image), strict=True))
        if op == "rotate":
            return "rotate", {"degree": 90}
        if op == "blur":
            return self.blur, {"radius": 15, "sigma": 5}
        return "convert", {"export": "webp"}

    async def request(self, client: httpx.AsyncClient, image: Image, op: str) -> bytes:
        endpoint, params = self.endpoint(image, op)
        params |= {"img": f"{self.sources}/{quote(image.name)}", "key": self.key}
        url = f"{self.server.base}/{endpoint}"
        if not self.link:
            return (await _get(client, url, {**params, "blob": "true"})).content
        reply = (await _get(client, url, params)).json()
        if reply.get("status") != 200 or not str(reply.get("link", "")).startswith(
            self.server.base
        ):
            raise PeerError(f"unexpected reply {str(reply)[:200]}")
        return (await _get(client, reply["link"])).content


class Floor:
    """libjpeg-turbo's own tools, no server: ``djpeg -scale M/8`` (the smallest DCT scale that
    still gives >= 800 px, so no resize is paid) piped into ``cjpeg -quality 85 -optimize``.
    Each pair is reaped with wait4, so its CPU time is exact; memory is sampled from /proc like a
    server's, over the pairs in flight (wait4's max RSS is useless here: a spawned child starts
    in this process's address space, and Linux keeps that high-water mark across exec)."""

    name = "floor"
    exact = False  # 1000 px wide for 12 MP, 960 for 1080p, 825 for 600x400

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cpu_s = 0.0
        self.running: set[int] = set()

    def supports(self, image: Image, op: str) -> bool:
        return op == "thumbnail" and image.format == "jpeg"

    def pids(self) -> list[int]:
        with self.lock:
            return list(self.running)

    def meter(self, concurrency: int, interval: float) -> FloorMeter:
        return FloorMeter(self, interval)

    @staticmethod
    def scale(image: Image) -> int:
        return min(16, math.ceil(THUMB_WIDTH * 8 / image.width))

    async def request(self, client: httpx.AsyncClient, image: Image, op: str) -> bytes:
        return await asyncio.to_thread(self._pipeline, image)

    def _pipeline(self, image: Image) -> bytes:
        link_read, link_write = os.pipe()  # non-inheritable: only the dup2'd ends reach a child
        out_read, out_write = os.pipe()
        try:
            scale = f"{self.scale(image)}/8"
            decode = _spawn(["djpeg", "-scale", scale, str(image.path)], stdout=link_write)
            encode = _spawn(["cjpeg", "-quality", "85", "-optimize"], link_read, out_write)
            with self.lock:
                self.running |= {decode, encode}
        finally:
            for fd in (link_read, link_write, out_write):
                os.close(fd)
        with os.fdopen(out_read, "rb") as output:
            data = output.read()
        results = [os.wait4(pid, 0) for pid in (decode, encode)]
        with self.lock:
            self.running -= {decode, encode}
            self.cpu_s += sum(usage.ru_utime + usage.ru_stime for *_, usage in results)
        if not data or any(os.waitstatus_to_exitcode(status) for _, status, _ in results):
            raise PeerError("djpeg | cjpeg failed")
        return data


def _spawn(argv: list[str], stdin: int | None = None, stdout: int | None = None) -> int:
    actions = [
        (os.POSIX_SPAWN_DUP2, fd, target)
        for fd, target in ((stdin, 0), (stdout, 1))
        if fd is not None
    ]
    return os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)


class FloorMeter:
    """The floor's CPU from its wait4 totals, its memory sampled over the pairs in flight."""

    def __init__(self, floor: Floor, interval: float) -> None:
        self.floor = floor
        self.memory = procstat.PeakMemory(floor.pids, interval)
        self._cpu = 0.0

    def start(self) -> None:
        self.memory.start()
        with self.floor.lock:
            self._cpu = self.floor.cpu_s

    def stop(self) -> procstat.Usage:
        with self.floor.lock:
            cpu = self.floor.cpu_s - self._cpu
        self.memory.stop()
        return procstat.Usage(cpu, self.memory.peak_rss, self.memory.peak_pss, self.memory.samples)


Peer = ServerPeer | Floor
PEERS = ("pixmill-blob", "pixmill-link", "sharp", "thumbor", "floor")
