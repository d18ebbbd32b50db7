from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import tone
from pixmill.params import Float, Int


class Params(ImageParams):
    low: Float = Field(ge=0, le=255, description="Values below this (0-255) become black.")
    high: Float = Field(ge=0, le=255, description="Values above this (0-255) become white.")
    channel: Int | None = channel_field()

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.low > self.high:
            raise ValueError("'low' must not be greater than 'high'")
        return self


@command(
    "randomthreshold",
    summary="Dither each channel to black and white at random thresholds.",
    example={"low": 40, "high": 215},
)
def randomthreshold(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -random-threshold low x high (on the 0-255 scale): in each channel, values
    below ``low`` become 0, above ``high`` full, and in between full with a probability equal
    to the value, so the average tone is kept. A grey image gives a black-and-white one;
    ImageMagick thresholds the channels of a colour image independently (up to 8 colours).
    Random, so two calls differ in detail."""
    return tone.random_threshold(image, params.low, params.high, params.channel)
