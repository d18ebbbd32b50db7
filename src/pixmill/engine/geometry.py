"""Geometry: rotation, crops, resizing, mirrors, borders."""

from __future__ import annotations

from collections.abc import Callable

import pyvips

from pixmill.engine.color import background
from pixmill.errors import BadRequest
from pixmill.params import Rgba


def rotate(image: pyvips.Image, degrees: float, color: Rgba) -> pyvips.Image:
    """Rotate clockwise, growing the canvas to hold the whole image (ImageMagick's -rotate)."""
    turns = degrees % 360
    if turns % 90 == 0:  # exact, lossless quarter turns
        return image.rot(f"d{int(turns)}") if turns else image
    image, fill = background(image, color)
    if image.hasalpha():  # in premultiplied space the fill is premultiplied too
        fill = [v * fill[-1] / 255 for v in fill[:-1]] + [fill[-1]]
    return premultiplied(image, lambda im: im.rotate(turns, background=fill))


def crop(image: pyvips.Image, x: int, y: int, width: int, height: int) -> pyvips.Image:
    """The region clipped to the image, as ImageMagick clips a crop geometry."""
    left, top = max(0, x), max(0, y)
    right, bottom = min(image.width, x + width), min(image.height, y + height)
    if right <= left or bottom <= top:
        raise BadRequest("The crop region lies outside the image")
    return image.crop(left, top, right - left, bottom - top)


def resize(image: pyvips.Image, width: int, height: int) -> pyvips.Image:
    """Exactly width x height (MagickResizeImage does not keep the aspect ratio)."""
    return premultiplied(
        image,
        lambda im: im.resize(width / im.width, vscale=height / im.height, kernel="lanczos3"),
    )


def premultiplied(
    image: pyvips.Image, operation: Callable[[pyvips.Image], pyvips.Image]
) -> pyvips.Image:
    """Apply a resampling ``operation`` with alpha premultiplied, so that the colour of
    transparent pixels does not bleed into visible edges as dark fringes."""
    if not image.hasalpha():
        return operation(image)
    result = operation(image.premultiply()).unpremultiply()
    return result.cast(image.format).copy(interpretation=image.interpretation)


def scale(image: pyvips.Image, percent: float) -> pyvips.Image:
    """Both sides times percent/100, at least one pixel each."""
    factor = percent / 100
    width = max(1, round(image.width * factor))
    height = max(1, round(image.height * factor))
    return resize(image, width, height)


def flip(image: pyvips.Image) -> pyvips.Image:
    """Mirror top to bottom."""
    return image.flipver()


def flop(image: pyvips.Image) -> pyvips.Image:
    """Mirror left to right."""
    return image.fliphor()


def border(image: pyvips.Image, width: int, height: int, color: Rgba) -> pyvips.Image:
    """``width`` pixels left and right, ``height`` top and bottom, in ``color``."""
    image, fill = background(image, color)
    return image.embed(
        width,
        height,
        image.width + 2 * width,
        image.height + 2 * height,
        extend="background",
        background=fill,
    )
