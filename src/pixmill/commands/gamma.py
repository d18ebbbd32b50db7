from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import tone
from pixmill.params import Float, Int


class Params(ImageParams):
    gamma: Float = Field(
        gt=0, le=10, description="Gamma: above 1 brightens mid-tones, below 1 darkens them."
    )
    channel: Int | None = channel_field()


@command("gamma", summary="Apply gamma correction.", example={"gamma": 1.8})
def gamma(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -gamma: every value v (0-1) becomes v^(1/``gamma``); black and white stay
    put. ``channel`` limits it to some channels."""
    return tone.gamma(image, params.gamma, params.channel)
