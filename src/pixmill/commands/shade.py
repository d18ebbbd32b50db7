from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Bool, Float


class Params(ImageParams):
    gray: Bool = Field(
        True, description="Return the grey shading itself (true) or shade the colours (false)."
    )
    azimuth: Float = Field(
        ge=-360, le=360, description="Direction of the light, in degrees off the x axis."
    )
    elevation: Float = Field(ge=-90, le=90, description="Height of the light above the image.")


@command(
    "shade",
    summary="Light an image as a relief from a distant source.",
    example={"gray": True, "azimuth": 30, "elevation": 30},
)
def shade(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -shade azimuth x elevation (+shade when ``gray`` is false): the intensity
    is taken as a height field and lit by a distant light, giving a grey relief, or with
    ``gray`` false the colours scaled by that light."""
    return effects.shade(image, params.gray, params.azimuth, params.elevation)
