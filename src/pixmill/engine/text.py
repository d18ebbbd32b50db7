"""Text: shaped and laid out by Pango (through libvips), outlined, and painted onto images.

Pango shapes every script its fonts cover (Arabic joins, right-to-left runs, CJK) and falls back
through fontconfig for characters the chosen font lacks. libvips returns the text as a coverage
mask cropped to the ink, with the ink's offset from the layout's top-left corner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
import pyvips

from pixmill.engine.codec import from_array, to_array
from pixmill.engine.compose import layer, overlay
from pixmill.engine.fonts import Font
from pixmill.params import Rgba

Place = Literal["top", "center", "bottom"]
_MARGIN = 0.03  # of the image's height/width, kept clear around top and bottom text
_BLOCK_HEIGHT = 0.22  # auto-sized top/bottom/center text takes at most this much of the height


@dataclass(frozen=True)
class Style:
    """How text looks. ``size`` is in pixels; None fits the text to the space it is given."""

    font: Font
    color: Rgba
    size: float | None = None
    stroke: Rgba | None = None
    stroke_width: float = 2.0
    stroke_opacity: float = 0.9


@dataclass(frozen=True)
class Rendered:
    """Painted text (RGBA) and where its top-left lies relative to the layout's origin."""

    image: pyvips.Image
    dx: int
    dy: int
    dpi: int


def render(
    text: str,
    style: Style,
    width: int,
    height: int | None = None,
    align: Literal["low", "centre", "high"] = "low",
    wrap: bool = True,
) -> Rendered | None:
    """Lay ``text`` out, wrapping at ``width`` pixels unless ``wrap`` is false. Without a style
    size, the text is fitted into ``width`` x ``height``. None when nothing visible is drawn."""
    mask, dpi = _mask(text, style, width, height, align, wrap)
    if mask is None:
        return None
    dx, dy = mask.xoffset, mask.yoffset
    if style.stroke is not None and style.stroke_width > 0:
        painted, pad = _outlined(mask, style)
        return Rendered(painted, dx - pad, dy - pad, dpi)
    return Rendered(layer(style.color, mask), dx, dy, dpi)


def _mask(
    text: str, style: Style, width: int, height: int | None, align: str, wrap: bool
) -> tuple[pyvips.Image | None, int]:
    if not text.strip():
        return None, 72
    options = {"width": max(1, width), "align": align, "wrap": "word-char" if wrap else "none"}
    if style.font.file is not None:
        options["fontfile"] = str(style.font.file)
    if style.size is None and height is not None:
        mask, found = pyvips.Image.text(
            _escape(text),
            font=style.font.description(),
            height=max(1, height),
            autofit_dpi=True,
            **options,
        )
        dpi = int(found["autofit_dpi"])
    else:
        size = style.size or 16.0
        dpi = 72
        mask = pyvips.Image.text(
            _escape(text), font=style.font.description(size), dpi=dpi, **options
        )
    if mask.max() == 0:
        return None, dpi
    return mask, dpi


def _escape(text: str) -> str:
    """libvips reads Pango markup; user text is plain, so markup characters are escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _outlined(mask: pyvips.Image, style: Style) -> tuple[pyvips.Image, int]:
    """The fill over an outline grown ``stroke_width`` pixels out from the glyphs."""
    assert style.stroke is not None
    pad = math.ceil(style.stroke_width)
    grown = np.pad(to_array(mask)[:, :, 0], pad)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * pad + 1, 2 * pad + 1))
    outline = cv2.dilate(grown, kernel)
    fill = layer(style.color, from_array(grown))
    stroke = layer(style.stroke, outline, style.stroke_opacity)
    return stroke.composite2(fill, "over").cast("uchar"), pad


def baseline(style: Style, dpi: int) -> int:
    """Distance from a layout's top to the first line's baseline, at this style and dpi."""
    options = {"fontfile": str(style.font.file)} if style.font.file is not None else {}
    size = style.size or None
    probe = pyvips.Image.text("H", font=style.font.description(size), dpi=dpi, **options)
    return int(probe.yoffset + probe.height)  # a capital H sits exactly on the baseline


def draw_at(
    image: pyvips.Image, text: str, x: int, y: int, style: Style, angle: float = 0
) -> pyvips.Image:
    """Text whose first line starts at ``x`` with its baseline at ``y`` (ImageMagick's
    -annotate +x+y), turned ``angle`` degrees clockwise about that point. With a size, long
    text wraps at the right edge; without one, it is fitted on one line right of ``x``."""
    width = max(1, image.width - x) if angle == 0 else image.width
    height = max(1, round(image.height * _BLOCK_HEIGHT))
    rendered = render(text, style, width, height, wrap=style.size is not None)
    if rendered is None:
        return image
    # The anchor (x, y) in the painted layer's own coordinates.
    anchor_x, anchor_y = -rendered.dx, baseline(style, rendered.dpi) - rendered.dy
    painted = rendered.image
    if angle % 360:
        painted = painted.rotate(angle, background=[0, 0, 0, 0])
        turn = math.radians(angle)
        cos, sin = math.cos(turn), math.sin(turn)
        anchor_x, anchor_y = (
            anchor_x * cos - anchor_y * sin + painted.xoffset,
            anchor_x * sin + anchor_y * cos + painted.yoffset,
        )
    return overlay(image, painted, round(x - anchor_x), round(y - anchor_y))


def draw_block(image: pyvips.Image, text: str, place: Place, style: Style) -> pyvips.Image:
    """Centred text in the top, middle or bottom of the image, the classic meme layout."""
    margin_x = max(1, round(image.width * _MARGIN))
    margin_y = max(1, round(image.height * _MARGIN))
    width = image.width - 2 * margin_x
    height = max(1, round(image.height * _BLOCK_HEIGHT))
    rendered = render(text, style, width, height, align="centre")
    if rendered is None:
        return image
    painted = rendered.image
    left = (image.width - painted.width) // 2
    if place == "top":
        top = margin_y
    elif place == "bottom":
        top = image.height - margin_y - painted.height
    else:
        top = (image.height - painted.height) // 2
    return overlay(image, painted, left, top)
