from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command(
    "colorspace_rgb", summary="Convert to the linear RGB colour model.", tags=("image", "colour")
)
def colorspace_rgb(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace RGB, which since version 6.7.7 means linear-light RGB: the
    sRGB transfer curve is undone and the linear values are stored in 8 bits, so the picture
    looks darker in an sRGB viewer. The output format follows the input."""
    return colorspace.transform(image, "rgb", input.format)
