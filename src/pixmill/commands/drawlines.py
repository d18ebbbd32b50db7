from __future__ import annotations

from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import MAX_ITEMS, WHITE, Coord, JsonList
from pixmill.commands._params import ImageParams
from pixmill.engine import draw
from pixmill.params import Color, Float
from pixmill.params import Params as BaseParams


class Line(BaseParams):
    startx: Coord = Field(description="X of the start point.")
    starty: Coord = Field(description="Y of the start point.")
    endx: Coord = Field(description="X of the end point.")
    endy: Coord = Field(description="Y of the end point.")
    color: Color | None = Field(None, description="Colour of this line (default: the global).")


class Params(ImageParams):
    lines: Annotated[list[Line], JsonList] = Field(
        min_length=1,
        max_length=MAX_ITEMS,
        description="Lines: [{startx, starty, endx, endy, color?}, ...] (JSON).",
    )
    color: Color = Field(WHITE, description="Default line colour (name or #hex).")
    strokewidth: Float = Field(2, gt=0, le=200, description="Line width in pixels.")
    strokeopacity: Float = Field(0.9, ge=0, le=1, description="Line opacity (0-1).")


@command(
    "drawlines",
    summary="Draw several straight lines.",
    tags=("drawing",),
    example={
        "lines": [
            {"startx": 0, "starty": 0, "endx": 511, "endy": 511},
            {"startx": 511, "starty": 0, "endx": 0, "endy": 511, "color": "red"},
        ]
    },
)
def drawlines(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Each item of ``lines`` is drawn as drawline draws one, in its own ``color`` or the
    global one, all with the global ``strokewidth`` and ``strokeopacity``. PixLab documents a
    JSON POST; a GET may pass ``lines`` as a JSON string."""
    items = [
        (
            (line.startx, line.starty, line.endx, line.endy),
            draw.Pen(line.color or params.color, params.strokewidth, params.strokeopacity),
        )
        for line in params.lines
    ]
    return draw.lines(image, items)
