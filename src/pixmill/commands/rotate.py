from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import geometry
from pixmill.params import TRANSPARENT, Color, Float


class Params(ImageParams):
    degree: Float = Field(ge=-3600, le=3600, description="Clockwise rotation in degrees.")
    color: Color = Field(TRANSPARENT, description="Colour of the exposed corners.")


@command("rotate", summary="Rotate an image clockwise.", example={"degree": 180})
def rotate(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Rotate by ``degree`` clockwise; the canvas grows to hold the whole image, as
    ImageMagick's -rotate does. Corners are transparent (white in formats without alpha)
    unless ``color`` is set."""
    return geometry.rotate(image, params.degree, params.color)
