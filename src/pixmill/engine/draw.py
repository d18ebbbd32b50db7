"""Shapes: lines, points and rectangles, painted with a colour, a stroke width and an opacity.

Shapes are drawn as coverage masks into one RGBA layer covering only the area they touch, and
that layer is composited once, so a thousand boxes in a hundred colours cost one pass. Lines
and dots are anti-aliased from each pixel centre's distance to the shape, which is exact where
they are axis-aligned (a 3 px horizontal line covers exactly 3 rows); OpenCV's anti-aliasing
adds a pixel of fuzz on each side and its widths jump in steps of two.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyvips

from pixmill.engine.codec import from_array
from pixmill.engine.compose import Box, layer, overlay
from pixmill.params import Rgba

Line = tuple[int, int, int, int]  # start x, start y, end x, end y


@dataclass(frozen=True)
class Pen:
    """How a shape is painted: colour, stroke width in pixels and opacity (0-1)."""

    color: Rgba
    width: float = 1.0
    opacity: float = 1.0

    @property
    def pixels(self) -> int:
        """The stroke width in whole pixels (at least one)."""
        return max(1, round(self.width))


class _Ink:
    """One RGBA layer over the part of the image the shapes touch. Each pen's shapes are
    merged into one coverage mask (so overlaps are not painted twice) and laid over what the
    earlier pens painted; the whole layer then goes over the image in one composite. Memory is
    one layer whatever the number of colours."""

    def __init__(self, image: pyvips.Image, groups: Iterable[tuple[Pen, list[_Shape]]]) -> None:
        self.image = image
        self.groups = [(pen, shapes) for pen, shapes in groups if shapes]
        bounds = [_bounds(shape) for _, shapes in self.groups for shape in shapes]
        self.box = _clip_bounds(bounds, image.width, image.height)

    def paint(self) -> pyvips.Image:
        if self.box is None:
            return self.image
        if len(self.groups) == 1:  # the usual case: libvips paints one mask directly
            pen, shapes = self.groups[0]
            left, top = self.box[:2]
            mask = self._mask(shapes, self.box)
            return overlay(self.image, layer(pen.color, mask, pen.opacity), left, top)
        return self._paint_layers()

    def _mask(self, shapes: list[_Shape], box: tuple[int, int, int, int]) -> np.ndarray:
        left, top, right, bottom = box
        mask = np.zeros((bottom - top, right - left), np.uint8)
        for shape in shapes:
            _draw(mask, shape, left, top)
        return mask

    def _paint_layers(self) -> pyvips.Image:
        assert self.box is not None
        left, top, right, bottom = self.box
        color = np.zeros((bottom - top, right - left, 3), np.float32)
        alpha = np.zeros((bottom - top, right - left), np.float32)
        for pen, shapes in self.groups:
            box = _clip_bounds([_bounds(s) for s in shapes], self.image.width, self.image.height)
            if box is None:
                continue
            cover = self._mask(shapes, box).astype(np.float32)
            cover *= pen.opacity * pen.color[3] / 255 / 255
            # "over" within this pen's own box only
            region = (slice(box[1] - top, box[3] - top), slice(box[0] - left, box[2] - left))
            under_color, under_alpha = color[region], alpha[region]
            total = cover + under_alpha * (1 - cover)
            mixed = np.asarray(pen.color[:3], np.float32) * cover[..., None]
            mixed += under_color * (under_alpha * (1 - cover))[..., None]
            np.divide(mixed, total[..., None], out=under_color, where=total[..., None] > 0)
            alpha[region] = total
        rgba = np.dstack([color, alpha * 255]).round().astype(np.uint8)
        return overlay(self.image, from_array(rgba), left, top)


# A shape: ("stroke", (x0, y0, x1, y1, width)) or ("fill", (left, top, right, bottom)).
_Shape = tuple[str, tuple[float, ...]]


def _bounds(shape: _Shape) -> tuple[float, float, float, float]:
    kind, values = shape
    if kind == "fill":
        return values  # type: ignore[return-value]
    x0, y0, x1, y1, width = values
    radius = width / 2 + 1
    return min(x0, x1) - radius, min(y0, y1) - radius, max(x0, x1) + radius, max(y0, y1) + radius


def _clip_bounds(
    bounds: list[tuple[float, float, float, float]], width: int, height: int
) -> tuple[int, int, int, int] | None:
    if not bounds:
        return None
    left = max(0, math.floor(min(b[0] for b in bounds)))
    top = max(0, math.floor(min(b[1] for b in bounds)))
    right = min(width, math.ceil(max(b[2] for b in bounds)))
    bottom = min(height, math.ceil(max(b[3] for b in bounds)))
    return (left, top, right, bottom) if left < right and top < bottom else None


def _draw(mask: np.ndarray, shape: _Shape, dx: int, dy: int) -> None:
    """Draw a shape into a mask whose top-left pixel is the image's (dx, dy)."""
    kind, values = shape
    if kind == "fill":
        left, top, right, bottom = (int(v) for v in values)
        _fill(mask, left - dx, top - dy, right - dx, bottom - dy)
    else:
        x0, y0, x1, y1, width = values
        _stroke(mask, (x0 - dx, y0 - dy, x1 - dx, y1 - dy), width)


def lines(image: pyvips.Image, items: Iterable[tuple[Line, Pen]]) -> pyvips.Image:
    """Anti-aliased straight lines with round caps, ``pen.width`` pixels wide."""
    groups: dict[Pen, list[_Shape]] = defaultdict(list)
    for line, pen in items:
        groups[pen].append(("stroke", (*line, pen.width)))
    return _Ink(image, groups.items()).paint()


def points(image: pyvips.Image, items: Iterable[tuple[int, int, Pen]]) -> pyvips.Image:
    """Anti-aliased dots centred on each point; the pen's width is the dot's diameter (a width
    of 1 paints exactly the one pixel)."""
    groups: dict[Pen, list[_Shape]] = defaultdict(list)
    for x, y, pen in items:
        groups[pen].append(("stroke", (x, y, x, y, pen.width)))
    return _Ink(image, groups.items()).paint()


_ROWS = 64  # rows per chunk: bounds the temporary arrays of a long line


def _stroke(mask: np.ndarray, line: Line, width: float) -> None:
    """Add the coverage of a round-capped segment to ``mask``: for each pixel centre, how much
    of the band of ``width`` around the segment lies over it (distance-based anti-aliasing)."""
    x0, y0, x1, y1 = line
    radius = width / 2
    height, full_width = mask.shape
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    top = max(0, math.floor(min(y0, y1) - radius))
    bottom = min(height, math.ceil(max(y0, y1) + radius) + 1)
    for start in range(top, bottom, _ROWS):
        stop = min(bottom, start + _ROWS)
        xa, xb = _x_span(line, start - radius, stop - 1 + radius)
        left = max(0, math.floor(xa - radius))
        right = min(full_width, math.ceil(xb + radius) + 1)
        if left >= right:
            continue
        px = np.arange(left, right, dtype=np.float32)[None, :]
        py = np.arange(start, stop, dtype=np.float32)[:, None]
        t = np.zeros(1, np.float32) if length2 == 0 else ((px - x0) * dx + (py - y0) * dy) / length2
        t = np.clip(t, 0, 1)
        distance = np.hypot(px - (x0 + t * dx), py - (y0 + t * dy))
        coverage = (np.clip(radius - distance + 0.5, 0, 1) * 255 + 0.5).astype(np.uint8)
        window = mask[start:stop, left:right]
        np.maximum(window, coverage, out=window)


def _x_span(line: Line, y_from: float, y_to: float) -> tuple[float, float]:
    """The x range of the segment's part between two heights."""
    x0, y0, x1, y1 = line
    if y0 == y1:
        return min(x0, x1), max(x0, x1)
    ends = [min(1.0, max(0.0, (y - y0) / (y1 - y0))) for y in (y_from, y_to)]
    xs = [x0 + (x1 - x0) * t for t in ends]
    return min(xs), max(xs)


def rectangles(image: pyvips.Image, items: Iterable[tuple[Box, Pen, Rgba | None]]) -> pyvips.Image:
    """Axis-aligned rectangles: an optional fill, then an outline of the pen's width centred on
    the box's edge pixels (a one-pixel outline is exactly the box's outermost pixels). All
    fills are painted before all outlines, so no fill hides another box's outline."""
    fills: dict[Pen, list[_Shape]] = defaultdict(list)
    outlines: dict[Pen, list[_Shape]] = defaultdict(list)
    for box, pen, fill in items:
        left, top, width, height = box
        if fill is not None and fill[3] > 0:
            fills[Pen(fill)].append(("fill", (left, top, left + width, top + height)))
        outlines[pen].extend(_outline(box, pen.pixels))
    return _Ink(image, [*fills.items(), *outlines.items()]).paint()


def _fill(mask: np.ndarray, left: int, top: int, right: int, bottom: int) -> None:
    height, width = mask.shape
    left, right = max(0, left), min(width, right)
    top, bottom = max(0, top), min(height, bottom)
    if left < right and top < bottom:
        mask[top:bottom, left:right] = 255


def _outline(box: Box, stroke: int) -> list[_Shape]:
    """The four edge bands of a box's outline."""
    left, top, width, height = box
    before = (stroke - 1) // 2  # of the stroke, this much lies outside the box
    outer_left, outer_top = left - before, top - before
    outer_right = left + width - 1 - before + stroke
    outer_bottom = top + height - 1 - before + stroke
    return [
        ("fill", (outer_left, outer_top, outer_right, outer_top + stroke)),
        ("fill", (outer_left, outer_bottom - stroke, outer_right, outer_bottom)),
        ("fill", (outer_left, outer_top, outer_left + stroke, outer_bottom)),
        ("fill", (outer_right - stroke, outer_top, outer_right, outer_bottom)),
    ]
