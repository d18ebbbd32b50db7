from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import geometry


@command("flop", summary="Mirror an image left to right.")
def flop(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """Horizontal mirror, as ImageMagick's -flop."""
    return geometry.flop(image)
