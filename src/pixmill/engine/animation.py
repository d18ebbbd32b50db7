"""Animations in libvips' layout: frames stacked vertically, ``page-height`` giving one frame's
height, ``delay`` (ms per frame) and ``loop`` carried as metadata that the GIF and WebP
encoders read back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyvips

from pixmill.engine.codec import Limits
from pixmill.errors import BadRequest

DEFAULT_DELAY = 200  # ms per frame when the caller does not say


def frame_height(image: pyvips.Image) -> int:
    """One frame's height (the whole height for a still image)."""
    if "page-height" in image.get_fields():
        height = int(image.get("page-height"))
        if 0 < height <= image.height and image.height % height == 0:
            return height
    return int(image.height)


def frames(image: pyvips.Image) -> list[pyvips.Image]:
    """The frames, top to bottom."""
    height = frame_height(image)
    return [image.crop(0, top, image.width, height) for top in range(0, image.height, height)]


def delays(image: pyvips.Image) -> list[int]:
    """Milliseconds per frame, as the input said (the default for frames it did not)."""
    count = image.height // frame_height(image)
    given = list(image.get("delay")) if "delay" in image.get_fields() else []
    return [int(d) for d in given[:count]] + [DEFAULT_DELAY] * (count - len(given))


def assemble(
    pictures: Sequence[pyvips.Image], delay: Sequence[int] | int, loop: int = 0
) -> pyvips.Image:
    """Frames of one size and format joined into an animation."""
    height = pictures[0].height
    joined = pyvips.Image.arrayjoin(list(pictures), across=1) if len(pictures) > 1 else pictures[0]
    joined = joined.copy()  # a private header to set metadata on
    per_frame = [delay] * len(pictures) if isinstance(delay, int) else list(delay)
    joined.set_type(pyvips.GValue.gint_type, "page-height", height)
    joined.set_type(pyvips.GValue.array_int_type, "delay", per_frame)
    joined.set_type(pyvips.GValue.gint_type, "loop", loop)
    return joined


def map_frames(
    image: pyvips.Image, change: Callable[[int, pyvips.Image], pyvips.Image]
) -> pyvips.Image:
    """Apply ``change(index, frame)`` to every frame, keeping the timing and looping. A still
    image is a single frame and stays still."""
    parts = frames(image)
    changed = [change(index, frame) for index, frame in enumerate(parts)]
    if len(parts) == 1:
        return changed[0]
    loop = int(image.get("loop")) if "loop" in image.get_fields() else 0
    return assemble(_common_bands(changed), delays(image), loop)


def _common_bands(pictures: list[pyvips.Image]) -> list[pyvips.Image]:
    """arrayjoin needs every frame in the same bands; promote to the richest one."""
    bands = max(p.bands for p in pictures)
    if all(p.bands == bands for p in pictures):
        return pictures
    return [_to_bands(p, bands) for p in pictures]


def _to_bands(picture: pyvips.Image, bands: int) -> pyvips.Image:
    if picture.bands <= 2 and bands >= 3:
        picture = picture.colourspace("srgb")
    if picture.bands < bands:
        picture = picture.bandjoin(255)
    return picture


def check_budget(count: int, width: int, height: int, limits: Limits) -> None:
    """Refuse animations past the frame-count or total-pixel budget (security.md check 4)."""
    if count > limits.max_frames:
        raise BadRequest(f"An animation may have at most {limits.max_frames} frames")
    if count * width * height > limits.max_animation_pixels:
        raise BadRequest(
            f"{count} frames of {width}x{height} exceed the animation budget of "
            f"{limits.max_animation_pixels / 1e6:.0f} MP in total"
        )
