from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import geometry


@command("flip", summary="Mirror an image top to bottom.")
def flip(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """Vertical mirror, as ImageMagick's -flip."""
    return geometry.flip(image)
