from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import filters, tone
from pixmill.params import Float, Int


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=100, description="Length of the blur is 2 x radius + 1; 0 sizes it from sigma."
    )
    sigma: Float = Field(gt=0, le=200, description="Standard deviation of the one-sided Gaussian.")
    angle: Float = Field(ge=-360, le=360, description="Direction of the motion in degrees.")
    channel: Int | None = channel_field()


@command(
    "motionblur",
    summary="Simulate motion blur along an angle.",
    example={"radius": 20, "sigma": 10, "angle": 45},
)
def motionblur(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -motion-blur radius x sigma + angle: each pixel averages the pixels lying
    from it towards ``angle`` (0 = to the right, 90 = downwards), weighted by a one-sided
    Gaussian, so objects trail in the opposite direction."""
    blurred = filters.motion_blur(image, params.radius, params.sigma, params.angle)
    return tone.select_channels(image, blurred, params.channel)
