from __future__ import annotations

from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import MAX_ITEMS, WHITE, JsonList, Rect
from pixmill.commands._params import ImageParams
from pixmill.engine import draw
from pixmill.params import TRANSPARENT, Color, Float


class Params(ImageParams):
    cord: Annotated[list[Rect], JsonList] = Field(
        min_length=1,
        max_length=MAX_ITEMS,
        description="Rectangles: [{x|left, y|top, width, height, color?}, ...] (JSON).",
    )
    color: Color = Field(WHITE, description="Default outline colour (name or #hex).")
    fillcolor: Color = Field(TRANSPARENT, description="Fill colour; none (transparent) by default.")
    strokewidth: Float = Field(1.2, gt=0, le=200, description="Outline width in pixels.")
    strokeopacity: Float = Field(0.9, ge=0, le=1, description="Outline opacity (0-1).")


@command(
    "drawrectangles",
    summary="Draw several rectangles, e.g. around detected faces.",
    tags=("drawing",),
    example={
        "cord": [
            {"x": 170, "y": 70, "width": 120, "height": 140},
            {"left": 10, "top": 10, "width": 50, "height": 50, "color": "red"},
        ]
    },
)
def drawrectangles(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Each item of ``cord`` is drawn as drawrectangle draws one, in its own ``color`` or the
    global one. Items may use ``left``/``top`` for x/y and carry extra keys, so facedetect's
    ``faces`` array can be passed unchanged. PixLab documents a JSON POST; a GET may pass
    ``cord`` as a JSON string."""
    items = [
        (
            rect.box,
            draw.Pen(rect.color or params.color, params.strokewidth, params.strokeopacity),
            params.fillcolor,
        )
        for rect in params.cord
    ]
    return draw.rectangles(image, items)
