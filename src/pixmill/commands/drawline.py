from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import WHITE, Coord
from pixmill.commands._params import ImageParams
from pixmill.engine import draw
from pixmill.params import Color, Float


class Params(ImageParams):
    startx: Coord = Field(description="X of the start point.")
    starty: Coord = Field(description="Y of the start point.")
    endx: Coord = Field(description="X of the end point.")
    endy: Coord = Field(description="Y of the end point.")
    color: Color = Field(WHITE, description="Line colour (name or #hex).")
    strokewidth: Float = Field(2, gt=0, le=200, description="Line width in pixels.")
    strokeopacity: Float = Field(0.9, ge=0, le=1, description="Line opacity (0-1).")


@command(
    "drawline",
    summary="Draw a straight line.",
    tags=("drawing",),
    example={"startx": 10, "starty": 20, "endx": 400, "endy": 300, "color": "red"},
)
def drawline(params: Params, image: pyvips.Image) -> pyvips.Image:
    """An anti-aliased line from (``startx``, ``starty``) to (``endx``, ``endy``), round-capped,
    ``strokewidth`` pixels wide, painted at ``strokeopacity``; parts outside the image are
    clipped."""
    pen = draw.Pen(params.color, params.strokewidth, params.strokeopacity)
    line = (params.startx, params.starty, params.endx, params.endy)
    return draw.lines(image, [(line, pen)])
