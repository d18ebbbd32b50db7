"""Helpers for the filter and effect endpoint tests: photos served losslessly, measures of
detail, and a few made-up pictures whose answers are known."""

from __future__ import annotations

import numpy as np

from tests.support import Origin, encode, photo, photo_array


def served(origin: Origin, name: str = "astronaut", fmt: str = "PNG") -> str:
    """URL of a bundled photo served by the local origin (PNG: exact pixels both ways)."""
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    return origin.add(f"/effects/{name}.{fmt.lower()}", photo(name, fmt), Content_Type=mime)


def served_array(origin: Origin, path: str, array: np.ndarray) -> str:
    """URL of an array served as a PNG."""
    return origin.add(f"/effects/{path}.png", encode(array, "PNG"), Content_Type="image/png")


def original(name: str = "astronaut") -> np.ndarray:
    """The bundled photo as int16, for arithmetic."""
    return photo_array(name).astype(np.int16)


def luma(array: np.ndarray) -> np.ndarray:
    """Rec. 709 luma of RGB pixels (grey passes through)."""
    if array.ndim == 2:
        return array.astype(float)
    return array[..., :3].astype(float) @ np.array([0.212656, 0.715158, 0.072186])


def detail(array: np.ndarray, axis: int = 1) -> float:
    """Mean absolute difference between neighbours along an axis: falls as an image blurs."""
    return float(np.abs(np.diff(array.astype(float), axis=axis)).mean())


def speckled(name: str = "camera", fraction: float = 0.05, seed: int = 7) -> np.ndarray:
    """A grey photo with a fraction of its pixels set to black or white at random."""
    clean = photo_array(name).copy()
    rng = np.random.default_rng(seed)
    hit = rng.random(clean.shape) < fraction
    clean[hit] = np.where(rng.random(int(hit.sum())) < 0.5, 0, 255)
    return clean
