from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import filters, tone
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        0, ge=0, le=10, description="Kernel radius (2 x radius + 1 square); 0 picks 5 x 5."
    )


@command("edge", summary="Detect the edges in an image.", example={"radius": 1})
def edge(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for edge could not be read, so this follows ImageMagick's -edge radius: a
    square kernel of -1 around a centre that makes it sum to zero, so flat areas go black and
    edges light up, per colour channel (alpha is kept). With no radius ImageMagick's automatic
    5 x 5 is used."""
    return tone.select_channels(image, filters.edge(image, params.radius), None)
