from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing


@command("minify", summary="Halve the image size.")
def minify(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's MinifyImage: resize to half the width and height (rounded down, at least
    one pixel) with the Spline filter (a cubic B-spline), which smooths rather than sharpens."""
    return sizing.spline_resize(image, max(1, image.width // 2), max(1, image.height // 2))
