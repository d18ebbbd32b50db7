from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command("colorspace_gray", summary="Convert to the gray colour model.", tags=("image", "colour"))
def colorspace_gray(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace Gray: one channel holding the Rec.709 luma of the encoded
    sRGB values (0.212656 R + 0.715158 G + 0.072186 B, no linearisation); transparency is kept.
    The output format follows the input."""
    return colorspace.transform(image, "gray", input.format)
