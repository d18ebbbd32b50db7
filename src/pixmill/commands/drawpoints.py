from __future__ import annotations

from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import WHITE, Coord, JsonList
from pixmill.commands._params import ImageParams
from pixmill.engine import draw
from pixmill.params import Color, Float
from pixmill.params import Params as BaseParams


class Point(BaseParams):
    x: Coord = Field(description="X of the point.")
    y: Coord = Field(description="Y of the point.")
    color: Color | None = Field(None, description="Colour of this point (default: the global).")


class Params(ImageParams):
    points: Annotated[list[Point], JsonList] = Field(
        min_length=1, max_length=10_000, description="Points: [{x, y, color?}, ...] (JSON)."
    )
    color: Color = Field(WHITE, description="Default point colour (name or #hex).")
    strokewidth: Float = Field(
        5, gt=0, le=200, description="Diameter of each dot in pixels (1 paints single pixels)."
    )
    strokeopacity: Float = Field(1, ge=0, le=1, description="Dot opacity (0-1).")


@command(
    "drawpoints",
    summary="Plot points.",
    tags=("drawing",),
    example={"points": [{"x": 100, "y": 100}, {"x": 200, "y": 150, "color": "red"}]},
)
def drawpoints(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Each point becomes a filled, anti-aliased dot centred on (``x``, ``y``) in its own
    ``color`` or the global one. PixLab documents only the points and colour; the dot size
    (``strokewidth``, default 5 px so points are visible, 1 for single pixels) and
    ``strokeopacity`` are pixmill additions."""
    items = [
        (p.x, p.y, draw.Pen(p.color or params.color, params.strokewidth, params.strokeopacity))
        for p in params.points
    ]
    return draw.points(image, items)
