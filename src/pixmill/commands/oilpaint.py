from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        ge=0, le=10, description="Neighbourhood radius (a square of 2 x radius + 1); 0 = auto."
    )


@command("oilpaint", summary="Make an image look like an oil painting.", example={"radius": 3})
def oilpaint(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -paint radius: each pixel takes the colour of a pixel from the most common
    of 256 intensity levels in its square neighbourhood (ties resolved as ImageMagick's scan
    does), which flattens detail into brush-like patches."""
    return effects.oil_paint(image, params.radius)
