"""Shapes: lines, points and rectangles, painted with a colour, a stroke width and an opacity.

Each shape is drawn into a coverage mask and the masks of one pen are painted in one composite,
so a thousand boxes cost a few full-image passes rather than a thousand. Lines and dots are
anti-aliased from each pixel centre's distance to the shape, which is exact where they are
axis-aligned (a 3 px horizontal line covers exactly 3 rows); OpenCV's anti-aliasing adds a
pixel of fuzz on each side and its widths jump in steps of two.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyvips

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


def _mask(image: pyvips.Image) -> np.ndarray:
    return np.zeros((image.height, image.width), dtype=np.uint8)


def _paint(image: pyvips.Image, masks: dict[Pen, np.ndarray]) -> pyvips.Image:
    for pen, mask in masks.items():
        rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
        if rows.size == 0:
            continue
        top, left = int(rows[0]), int(cols[0])
        cropped = mask[top : int(rows[-1]) + 1, left : int(cols[-1]) + 1]
        image = overlay(image, layer(pen.color, cropped, pen.opacity), left, top)
    return image


def lines(image: pyvips.Image, items: Iterable[tuple[Line, Pen]]) -> pyvips.Image:
    """Anti-aliased straight lines with round caps, ``pen.width`` pixels wide."""
    masks: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    for line, pen in items:
        _stroke(masks[pen], line, pen.width)
    return _paint(image, masks)


def points(image: pyvips.Image, items: Iterable[tuple[int, int, Pen]]) -> pyvips.Image:
    """Anti-aliased dots centred on each point; the pen's width is the dot's diameter (a width
    of 1 paints exactly the one pixel)."""
    masks: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    for x, y, pen in items:
        _stroke(masks[pen], (x, y, x, y), pen.width)
    return _paint(image, masks)


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
    the box's edge pixels (a one-pixel outline is exactly the box's outermost pixels)."""
    fills: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    outlines: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    for box, pen, fill in items:
        left, top, width, height = box
        if fill is not None and fill[3] > 0:
            _fill(fills[Pen(fill)], left, top, left + width, top + height)
        _outline(outlines[pen], box, pen.pixels)
    return _paint(_paint(image, fills), outlines)


def _fill(mask: np.ndarray, left: int, top: int, right: int, bottom: int) -> None:
    height, width = mask.shape
    left, right = max(0, left), min(width, right)
    top, bottom = max(0, top), min(height, bottom)
    if left < right and top < bottom:
        mask[top:bottom, left:right] = 255


def _outline(mask: np.ndarray, box: Box, stroke: int) -> None:
    left, top, width, height = box
    before = (stroke - 1) // 2  # of the stroke, this much lies outside the box
    outer_left, outer_top = left - before, top - before
    outer_right = left + width - 1 - before + stroke
    outer_bottom = top + height - 1 - before + stroke
    _fill(mask, outer_left, outer_top, outer_right, outer_top + stroke)  # top edge
    _fill(mask, outer_left, outer_bottom - stroke, outer_right, outer_bottom)  # bottom edge
    _fill(mask, outer_left, outer_top, outer_left + stroke, outer_bottom)  # left edge
    _fill(mask, outer_right - stroke, outer_top, outer_right, outer_bottom)  # right edge
