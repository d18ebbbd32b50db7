from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing


@command("transverse", summary="Mirror along the bottom-left to top-right diagonal.")
def transverse(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -transverse: a flop combined with a rotation, mirroring the image along
    its anti-diagonal (the top-left pixel goes to the bottom-right corner)."""
    return sizing.transverse(image)
