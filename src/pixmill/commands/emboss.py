from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=30, description="Kernel radius; 0 sizes it from sigma (ImageMagick's default)."
    )
    sigma: Float = Field(1.0, gt=0, le=30, description="Standard deviation of the relief.")


@command("emboss", summary="Emboss an image (a relief effect).", example={"radius": 0, "sigma": 1})
def emboss(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for emboss could not be read, so this follows ImageMagick's
    -emboss radius x sigma: a Gaussian-weighted diagonal relief kernel, then each channel is
    histogram-equalised. ``sigma`` defaults to 1, as in ImageMagick when it is omitted."""
    return effects.emboss(image, params.radius, params.sigma)
