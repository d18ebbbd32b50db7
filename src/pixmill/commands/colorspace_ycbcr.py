from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command(
    "colorspace_ycbcr",
    summary="Convert to the YCbCr colour model (channels stored as PNG).",
    tags=("image", "colour"),
)
def colorspace_ycbcr(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace YCbCr: full-range Rec.601 luma and the two chroma channels
    centred on 128. No common image format records it, so Y, Cb and Cr are stored as they are
    in the R, G and B slots of a lossless PNG (as ImageMagick's ``-set colorspace sRGB`` idiom
    does); the picture looks false-coloured."""
    return colorspace.transform(image, "ycbcr", input.format)
