from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import color


@command("grayscale", summary="Convert an image to grayscale.")
def grayscale(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """Rec. 709 luminance; transparency is kept."""
    return color.grayscale(image)
