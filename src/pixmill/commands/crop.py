from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import Region
from pixmill.engine import geometry


@command(
    "crop",
    summary="Extract a rectangular region.",
    aliases=("smartcrop",),
    example={"x": 164, "y": 95, "width": 145, "height": 145},
)
def crop(params: Region, image: pyvips.Image) -> pyvips.Image:
    """Cut ``width`` x ``height`` pixels from (``x``, ``y``); the region is clipped to the image."""
    return geometry.crop(image, params.x, params.y, params.width, params.height)
