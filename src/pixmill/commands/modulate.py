from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Float


class Params(ImageParams):
    brightness: Float = Field(ge=0, le=500, description="Lightness in percent (100 = unchanged).")
    saturation: Float = Field(
        100, ge=0, le=500, description="Saturation in percent (100 = unchanged, 0 = grey)."
    )
    hue: Float = Field(
        100, ge=0, le=360, description="Hue rotation: 100 = unchanged, 0 or 200 = 180 degrees."
    )


@command(
    "modulate",
    summary="Adjust brightness, saturation and hue.",
    example={"brightness": 120, "saturation": 60, "hue": 150},
)
def modulate(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -modulate brightness,saturation,hue in its default HSL space: lightness and
    saturation are scaled by their percentages and the hue turned by (hue - 100) x 1.8 degrees.
    As in ImageMagick, saturation and hue may be omitted (100)."""
    return tone.modulate(image, params.brightness, params.saturation, params.hue)
