"""Composition: layers over images, pasting overlays, blurring regions, differences."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pyvips

from pixmill.engine.codec import from_array
from pixmill.engine.color import with_alpha
from pixmill.engine.filters import blur
from pixmill.params import Rgba

Box = tuple[int, int, int, int]  # left, top, width, height


def rgba(image: pyvips.Image) -> pyvips.Image:
    """The image as 8-bit sRGB with an alpha band."""
    if image.bands <= 2:
        image = image.colourspace("srgb")
    return with_alpha(image).copy(interpretation="srgb")


def layer(color: Rgba, alpha: np.ndarray | pyvips.Image, opacity: float = 1.0) -> pyvips.Image:
    """An RGBA layer of one colour whose coverage is ``alpha`` (0-255) x opacity x colour alpha."""
    if isinstance(alpha, np.ndarray):
        alpha = from_array(alpha)
    scale = opacity * color[3] / 255
    coverage = alpha if scale >= 1 else (alpha * scale).cast("uchar")
    ink = (alpha.new_from_image(list(color[:3]))).cast("uchar")
    return ink.bandjoin(coverage).copy(interpretation="srgb")


def overlay(base: pyvips.Image, top: pyvips.Image, x: int = 0, y: int = 0) -> pyvips.Image:
    """``top`` (RGBA) over ``base`` with its top-left corner at (x, y), clipped to the base.

    The result keeps the base's size; it is sRGB, with alpha only when the base had it.
    """
    if x >= base.width or y >= base.height or x + top.width <= 0 or y + top.height <= 0:
        return base
    had_alpha = base.hasalpha()
    result = base.composite2(top, "over", x=x, y=y)
    if result.format != "uchar":
        result = result.cast("uchar")
    return result if had_alpha else result.extract_band(0, n=result.bands - 1)


def paste(base: pyvips.Image, top: pyvips.Image, x: int, y: int) -> pyvips.Image:
    """Any image (grey or colour, with or without alpha) pasted over ``base`` at (x, y)."""
    return overlay(base, rgba(top), x, y)


def clip(box: Box, width: int, height: int) -> Box | None:
    """The part of ``box`` inside a width x height image, or None when nothing is left."""
    left, top = max(0, box[0]), max(0, box[1])
    right, bottom = min(width, box[0] + box[2]), min(height, box[1] + box[3])
    if right <= left or bottom <= top:
        return None
    return left, top, right - left, bottom - top


def blur_regions(
    image: pyvips.Image, boxes: Iterable[Box], radius: float, sigma: float
) -> pyvips.Image:
    """Blur inside each box and nowhere else. Each box is blurred from a margin around it, so
    its edges mix with their real surroundings instead of a mirrored copy."""
    effective = sigma if sigma > 0 else radius / 2
    margin = math.ceil(3 * effective)
    for box in boxes:
        inside = clip(box, image.width, image.height)
        if inside is None or effective <= 0:
            continue
        left, top, width, height = inside
        around = clip(
            (left - margin, top - margin, width + 2 * margin, height + 2 * margin),
            image.width,
            image.height,
        )
        assert around is not None
        blurred = blur(image.crop(*around), 0, effective)  # kernel sized for sigma
        region = blurred.crop(left - around[0], top - around[1], width, height)
        image = image.insert(region, left, top)
    return image


def difference(first: pyvips.Image, second: pyvips.Image) -> tuple[float, pyvips.Image]:
    """Mean squared error over every channel (8-bit units) and the absolute difference image.

    Both are compared as sRGB; alpha is compared too when either image has it.
    """
    a, b = (rgba(i) if first.hasalpha() or second.hasalpha() else _rgb(i) for i in (first, second))
    delta = a.cast("short") - b.cast("short")
    mse = float((delta * delta).avg())
    shown = delta.abs().cast("uchar")
    if shown.bands == 4:  # the picture shows the colour differences, opaque
        shown = shown[:3]
    return mse, shown.copy(interpretation="srgb")


def _rgb(image: pyvips.Image) -> pyvips.Image:
    return image.colourspace("srgb") if image.bands < 3 else image


def canvas(width: int, height: int, color: Rgba) -> pyvips.Image:
    """A new image of one colour; it has alpha only when the colour is not opaque."""
    bands = list(color) if color[3] < 255 else list(color[:3])
    return (
        pyvips.Image.black(width, height)
        .new_from_image(bands)
        .cast("uchar")
        .copy(interpretation="srgb")
    )


def noise(width: int, height: int, color: Rgba | None, seed: int | None = None) -> pyvips.Image:
    """Random pixels: uniform RGB; random shades of ``color`` when one is given; with random
    alpha too when that colour is transparent."""
    rng = np.random.default_rng(seed)
    if color is None:
        return from_array(rng.integers(0, 256, (height, width, 3), dtype=np.uint8))
    if color[3] == 0:
        return from_array(rng.integers(0, 256, (height, width, 4), dtype=np.uint8))
    shade = rng.random((height, width, 1), dtype=np.float32)
    return from_array((shade * np.array(color[:3], dtype=np.float32)).astype(np.uint8))


def fit(image: pyvips.Image, width: int, height: int) -> pyvips.Image:
    """RGBA ``width`` x ``height``: the image scaled to fit inside, keeping its aspect ratio,
    and centred on transparency."""
    image = rgba(image)
    if (image.width, image.height) == (width, height):
        return image
    image = image.thumbnail_image(width, height=height, size="both")
    return image.embed(
        (width - image.width) // 2,
        (height - image.height) // 2,
        width,
        height,
        extend="background",
        background=[0, 0, 0, 0],
    )
