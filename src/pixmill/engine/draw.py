"""Shapes: lines, points and rectangles, painted with a colour, a stroke width and an opacity.

Each shape is drawn into a coverage mask (anti-aliased by OpenCV where edges are not axis-
aligned), and the masks of one colour are painted in one composite, so a thousand boxes cost a
few full-image passes rather than a thousand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import cv2
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
    """Anti-aliased straight lines with round caps."""
    masks: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    for (x0, y0, x1, y1), pen in items:
        cv2.line(masks[pen], (x0, y0), (x1, y1), 255, pen.pixels, cv2.LINE_AA)
    return _paint(image, masks)


def points(image: pyvips.Image, items: Iterable[tuple[int, int, Pen]]) -> pyvips.Image:
    """Filled dots centred on each point; the pen's width is the dot's diameter."""
    masks: dict[Pen, np.ndarray] = defaultdict(lambda: _mask(image))
    for x, y, pen in items:
        if pen.pixels <= 1:
            if 0 <= x < image.width and 0 <= y < image.height:
                masks[pen][y, x] = 255
        else:
            cv2.circle(masks[pen], (x, y), pen.pixels // 2, 255, cv2.FILLED, cv2.LINE_AA)
    return _paint(image, masks)


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
