from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import MAX_SIDE, ImageParams, Side
from pixmill.engine import sizing
from pixmill.engine.codec import Limits, check_size
from pixmill.params import TRANSPARENT, Color, Int


class Params(ImageParams):
    width: Side = Field(description="Width of the new canvas.")
    height: Side = Field(description="Height of the new canvas.")
    x: Int = Field(
        0, ge=-MAX_SIDE, le=MAX_SIDE, description="Canvas left edge, in image coordinates."
    )
    y: Int = Field(
        0, ge=-MAX_SIDE, le=MAX_SIDE, description="Canvas top edge, in image coordinates."
    )
    color: Color = Field(TRANSPARENT, description="Fill of the new area; transparent by default.")


@command(
    "extent",
    summary="Change the canvas size around an image.",
    example={"width": 600, "height": 600, "x": -44, "y": -44, "color": "white"},
)
def extent(params: Params, image: pyvips.Image, limits: Limits) -> pyvips.Image:
    """ImageMagick's -extent WxH+X+Y: a ``width`` x ``height`` canvas whose top-left corner sits
    at (``x``, ``y``) of the image, so the image lands at (-x, -y): negative offsets pad on the
    left and top, positive ones cut. New area is ``color`` (transparent by default; formats
    without alpha, such as JPEG, show it as white)."""
    check_size(params.width, params.height, limits)
    return sizing.extent(image, params.x, params.y, params.width, params.height, params.color)
