from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float, Int


class Params(ImageParams):
    opacity: Float = Field(ge=0, le=100, description="Opacity of the shadow in percent.")
    sigma: Float = Field(ge=0, le=100, description="Softness: standard deviation of its blur.")
    x: Int = Field(4, ge=-1000, le=1000, description="Horizontal offset of the shadow.")
    y: Int = Field(4, ge=-1000, le=1000, description="Vertical offset of the shadow.")


@command(
    "shadow",
    summary="Add a drop shadow behind an image.",
    example={"opacity": 60, "sigma": 4, "x": 8, "y": 8},
)
def shadow(params: Params, image: pyvips.Image) -> pyvips.Image:
    """The image over its drop shadow, as ImageMagick's -shadow opacity x sigma + x + y is used
    (``( +clone -background black -shadow ... ) +swap -layers merge``): a black silhouette at
    ``opacity`` percent, blurred by ``sigma`` and moved by (``x``, ``y``), on a transparent
    canvas grown to hold both (flattened on white for formats without alpha, such as JPEG).
    ImageMagick's -shadow alone returns only the shadow, which is of no use to an API client.
    ``x`` and ``y`` default to ImageMagick's +4+4."""
    return effects.shadow(image, params.opacity, params.sigma, params.x, params.y)
