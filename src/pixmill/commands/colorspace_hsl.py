from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command(
    "colorspace_hsl",
    summary="Convert to the HSL colour model (channels stored as PNG).",
    tags=("image", "colour"),
)
def colorspace_hsl(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace HSL: hue, saturation and lightness, each scaled to 0..255. No
    image format records HSL, so the three channels are stored as they are in the R, G and B
    slots of a lossless PNG (ImageMagick's ``-set colorspace sRGB`` idiom); the picture looks
    false-coloured, and the values survive for whoever reads them back."""
    return colorspace.transform(image, "hsl", input.format)
