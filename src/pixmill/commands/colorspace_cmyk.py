from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output


@command(
    "colorspace_cmyk",
    summary="Convert to the CMYK colour model (a CMYK TIFF).",
    tags=("image", "colour"),
)
def colorspace_cmyk(params: ImageParams, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's -colorspace CMYK, with its profile-free formula: K is one minus the
    largest of R, G and B, and C, M and Y are what remains, scaled by 1 / (1 - K). Web formats
    cannot hold CMYK, so the output is always a CMYK TIFF (what print workflows expect);
    transparency is flattened onto white first."""
    return colorspace.transform(image, "cmyk", input.format)
