from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import filters, tone
from pixmill.params import Float, Int


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=100, description="Kernel radius excluding the centre; 0 sizes it from sigma."
    )
    sigma: Float = Field(ge=0, le=100, description="Standard deviation of the Gaussian.")
    channel: Int | None = channel_field()


@command(
    "gaussianblur",
    summary="Convolve an image with a Gaussian kernel.",
    example={"radius": 5, "sigma": 3},
)
def gaussianblur(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -gaussian-blur radius x sigma: the 2-D Gaussian of ``sigma`` truncated to a
    square of side 2 x ``radius`` + 1 (with radius 0, wide enough that the cut-off weights fall
    below one 16-bit step). ``channel`` limits it to some channels; alpha is kept otherwise."""
    blurred = filters.gaussian(image, params.radius, params.sigma)
    return tone.select_channels(image, blurred, params.channel)
