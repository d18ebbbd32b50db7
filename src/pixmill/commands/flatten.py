from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.params import Color


class Params(ImageParams):
    color: Color = Field(
        colorspace.WHITE, description="Background the image is flattened onto; white by default."
    )


@command("flatten", summary="Flatten transparency onto a background colour.")
def flatten(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -flatten: the image is composited over ``color`` (ImageMagick's default
    background, white, unless set) and the alpha channel is dropped. Only the first frame of an
    animation is read, so there is one layer; an opaque image comes back unchanged."""
    return colorspace.flatten(image, params.color)
