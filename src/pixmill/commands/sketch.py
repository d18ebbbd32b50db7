from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=30, description="Radius of the strokes; omit (or 0) to let the server choose."
    )
    sigma: Float = Field(gt=0, le=100, description="Standard deviation: the length of the strokes.")
    angle: Float = Field(ge=-360, le=360, description="Direction of the strokes in degrees.")


@command(
    "sketch",
    summary="Turn an image into a pencil sketch.",
    example={"radius": 0, "sigma": 20, "angle": 120},
)
def sketch(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -sketch radius x sigma + angle: random strokes (noise motion-blurred along
    ``angle``, edge-detected and negated) colour-dodge the photo, which is then added back, as
    ImageMagick 6 outputs it. The strokes are random, so two calls differ in detail."""
    return effects.sketch(image, params.radius, params.sigma, params.angle)
