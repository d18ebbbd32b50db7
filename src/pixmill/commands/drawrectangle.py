from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import WHITE, Coord
from pixmill.commands._params import ImageParams, Side
from pixmill.engine import draw
from pixmill.params import TRANSPARENT, Color, Float


class Params(ImageParams):
    x: Coord = Field(description="Left edge.")
    y: Coord = Field(description="Top edge.")
    width: Side = Field(description="Width in pixels.")
    height: Side = Field(description="Height in pixels.")
    color: Color = Field(WHITE, description="Outline colour (name or #hex).")
    fillcolor: Color = Field(TRANSPARENT, description="Fill colour; none (transparent) by default.")
    strokewidth: Float = Field(1.2, gt=0, le=200, description="Outline width in pixels.")
    strokeopacity: Float = Field(0.9, ge=0, le=1, description="Outline opacity (0-1).")


@command(
    "drawrectangle",
    summary="Draw a rectangle.",
    tags=("drawing",),
    example={"x": 170, "y": 70, "width": 120, "height": 140, "color": "red", "strokewidth": 3},
)
def drawrectangle(params: Params, image: pyvips.Image) -> pyvips.Image:
    """A ``width`` x ``height`` rectangle from (``x``, ``y``): filled with ``fillcolor`` (if
    any), then outlined in ``color``, the outline ``strokewidth`` pixels (rounded) centred on
    the rectangle's outermost pixels and painted at ``strokeopacity``."""
    pen = draw.Pen(params.color, params.strokewidth, params.strokeopacity)
    box = (params.x, params.y, params.width, params.height)
    return draw.rectangles(image, [(box, pen, params.fillcolor)])
