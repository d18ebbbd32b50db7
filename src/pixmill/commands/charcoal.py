from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=10, description="Radius of the edge detection and of the blur; 0 = auto."
    )
    sigma: Float = Field(ge=0, le=100, description="Standard deviation of the blur.")


@command(
    "charcoal", summary="Turn an image into a charcoal drawing.", example={"radius": 2, "sigma": 1}
)
def charcoal(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -charcoal radius x sigma: the edges (-edge radius) blurred by
    (-blur radius x sigma), normalised, negated and made grey (Rec. 709 luma), so lines come
    out dark on white."""
    return effects.charcoal(image, params.radius, params.sigma)
