from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Color


class Params(ImageParams):
    color: Color = Field(description="Threshold colour (a name or #hex).")


@command(
    "blackthreshold",
    summary="Force to black every channel darker than a threshold colour.",
    aliases=("bth",),
    example={"color": "#606060"},
)
def blackthreshold(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -black-threshold with the threshold given as a colour
    (MagickBlackThresholdImage): each channel whose value is below the colour's value in that
    channel is set to 0; the others are untouched."""
    return tone.black_threshold(image, params.color[:3])
