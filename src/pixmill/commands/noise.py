from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import effects
from pixmill.params import Int


class Params(ImageParams):
    noise: Int = Field(
        ge=1,
        le=7,
        description="Noise type: 1 uniform, 2 gaussian, 3 multiplicative gaussian, 4 impulse, "
        "5 laplacian, 6 poisson, 7 random.",
    )
    channel: Int | None = channel_field()


@command("noise", summary="Add random noise of a chosen type.", example={"noise": 2})
def noise(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's +noise type with its default attenuation: each channel sample gets its own
    random draw, with ImageMagick's spreads (uniform +-0.8%, Gaussian about 20 levels,
    impulse 10% of samples to black or white, Poisson at 12.5 events per full scale ...)."""
    return effects.add_noise(image, params.noise, params.channel)
