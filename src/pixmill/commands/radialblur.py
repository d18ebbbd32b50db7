from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import filters, tone
from pixmill.params import Float, Int


class Params(ImageParams):
    angle: Float = Field(ge=0, le=180, description="Arc swept by the blur, in degrees.")
    channel: Int | None = channel_field()


@command("radialblur", summary="Blur an image around its centre.", example={"angle": 10})
def radialblur(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -radial-blur (rotational blur): every pixel becomes the mean of the arc of
    ``angle`` degrees through it around the image centre, so the blur grows with the distance
    from the centre. ImageMagick samples each arc at a few points; pixmill averages the whole
    arc (in polar coordinates, at a cost that does not grow with the angle)."""
    return tone.select_channels(image, filters.radial_blur(image, params.angle), params.channel)
