from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command("colorspace_srgb", summary="Convert to the sRGB colour model.", tags=("image", "colour"))
def colorspace_srgb(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace sRGB. Inputs are already decoded to sRGB (CMYK and profiled
    images are converted on the way in), so colour images come back as they are and grey ones
    get three equal channels. The output format follows the input."""
    return colorspace.transform(image, "srgb", input.format)
