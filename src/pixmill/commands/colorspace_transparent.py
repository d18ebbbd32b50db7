from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command(
    "colorspace_transparent",
    summary="Convert to the transparent colour model (sRGB with alpha).",
    tags=("image", "colour"),
)
def colorspace_transparent(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace Transparent: sRGB with an alpha channel, opaque where the input
    had none. The output is a PNG (a TIFF stays a TIFF): the JPEG, WebP and GIF encoders would
    drop an alpha channel that is all opaque."""
    return colorspace.transform(image, "transparent", input.format)
