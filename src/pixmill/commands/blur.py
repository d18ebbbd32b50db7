from __future__ import annotations

import pyvips
from pydantic import AliasChoices, Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import filters, tone
from pixmill.params import Float, Int


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=100, validation_alias=AliasChoices("radius", "rad"), description="Blur radius."
    )
    sigma: Float = Field(
        ge=0,
        le=200,
        validation_alias=AliasChoices("sigma", "sig"),
        description="Standard deviation.",
    )
    channel: Int | None = Field(None, ge=1, le=134217727, description="ImageMagick channel mask.")


@command("blur", summary="Gaussian blur.", example={"radius": 50, "sigma": 30})
def blur(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -blur radius x sigma: its separable ``blur:`` kernel, ``2 * radius + 1``
    taps wide (radius 0: wide enough for sigma). Colour bands only unless ``channel`` says
    otherwise, as ImageMagick leaves alpha alone. Accepts the short names ``rad`` and ``sig``
    that PixLab's samples send."""
    blurred = filters.blur(image, params.radius, params.sigma)
    return tone.select_channels(image, blurred, params.channel)
