"""Helpers for tests: bundled photos as encoded bytes, decoding replies, a local origin server."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image


@cache
def photo_array(name: str) -> np.ndarray:
    """A scikit-image bundled photo (astronaut, camera, coffee, chelsea, rocket ...) as RGB(A)."""
    from skimage import data

    array = getattr(data, name)()
    return np.ascontiguousarray(array)


def encode(array: np.ndarray, fmt: str = "JPEG", **options: Any) -> bytes:
    """Encode an array with Pillow (an encoder independent of the server's)."""
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format=fmt, **options)
    return buffer.getvalue()


@cache
def photo(name: str = "astronaut", fmt: str = "JPEG") -> bytes:
    """A bundled photo encoded as ``fmt``."""
    return encode(photo_array(name), fmt, **({"quality": 92} if fmt == "JPEG" else {}))


def grace_hopper() -> bytes:
    """matplotlib's bundled portrait (512x600 JPEG)."""
    import matplotlib

    return (Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg").read_bytes()


def decode(data: bytes) -> Image.Image:
    """Decode reply bytes with Pillow, checking they really are an image."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def pixels(data: bytes, mode: str = "RGB") -> np.ndarray:
    return np.asarray(decode(data).convert(mode)).astype(np.int16)


class Origin:
    """A real HTTP server on 127.0.0.1 that serves registered paths and records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        origin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                origin.requests.append((self.path, dict(self.headers)))
                status, body, headers = origin.routes.get(self.path, (404, b"not found", {}))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def add(self, path: str, body: bytes, status: int = 200, **headers: str) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        self.routes[path] = (status, body, {k.replace("_", "-"): v for k, v in headers.items()})
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.add(path, b"", status, Location=location)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


Checker = Callable[[np.ndarray], None]


def clear_of_a_minute_boundary(margin: float = 10.0) -> None:
    """Wait, if needed, until a new minute has just begun: a sliding-window counter weighs the
    previous minute less as soon as the next starts, so a burst that straddles the boundary could
    pass one request more than the limit, by design."""
    import time

    if time.time() % 60 > 60 - margin:
        time.sleep(60.5 - time.time() % 60)
