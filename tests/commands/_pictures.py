"""Helpers for the drawing, composition and GIF endpoint tests: where pixels changed, and
animated test inputs."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from tests.support import photo_array


def changed(before: np.ndarray, after: np.ndarray, threshold: int = 40) -> np.ndarray:
    """Mask of pixels whose largest channel difference exceeds ``threshold``."""
    assert before.shape == after.shape, (before.shape, after.shape)
    return np.abs(after.astype(np.int16) - before.astype(np.int16)).max(axis=2) > threshold


def bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the true pixels, right/bottom exclusive."""
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    assert rows.size, "nothing was drawn"
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def marker(index: int) -> tuple[int, int, int]:
    """The colour of frame ``index``'s corner square in ``animation``."""
    return (40 * index % 256, 255 - 40 * index % 256, 0)


def animation(
    count: int = 4, size: tuple[int, int] = (120, 80), fmt: str = "GIF", delay: int = 100
) -> bytes:
    """An animated GIF or WebP whose frames are crops of the astronaut photo, each with a
    different solid square in the corner (so frames differ and can be told apart)."""
    width, height = size
    source = photo_array("astronaut")
    pictures = []
    for index in range(count):
        frame = source[index * 20 : index * 20 + height, 100 : 100 + width].copy()
        frame[:10, :10] = marker(index)
        pictures.append(Image.fromarray(frame))
    buffer = io.BytesIO()
    options = {"lossless": True} if fmt == "WEBP" else {}
    pictures[0].save(
        buffer,
        format=fmt,
        save_all=True,
        append_images=pictures[1:],
        duration=delay,
        loop=0,
        **options,
    )
    return buffer.getvalue()


def frames_of(data: bytes) -> list[np.ndarray]:
    """Every frame of an animated image, as RGB arrays."""
    image = Image.open(io.BytesIO(data))
    result = []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        result.append(np.asarray(image.convert("RGB")).astype(np.int16))
    return result
