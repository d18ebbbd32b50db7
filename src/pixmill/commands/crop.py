from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import OptionalSize
from pixmill.engine import geometry
from pixmill.params import Int


class Params(OptionalSize):
    x: Int = Field(0, ge=0, le=1_000_000, description="Left edge of the region.")
    y: Int = Field(0, ge=0, le=1_000_000, description="Top edge of the region.")


@command(
    "crop",
    summary="Extract a rectangular region.",
    aliases=("smartcrop",),
    example={"x": 164, "y": 95, "width": 145, "height": 145},
)
def crop(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Cut ``width`` x ``height`` pixels from (``x``, ``y``); the region is clipped to the image."""
    return geometry.crop(image, params.x, params.y, params.width, params.height)
