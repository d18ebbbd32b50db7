from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing


@command("transpose", summary="Mirror along the top-left to bottom-right diagonal.")
def transpose(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -transpose: a flip combined with a 90-degree rotation, mirroring the image
    along its main diagonal (rows become columns; the top-left pixel stays in place)."""
    return sizing.transpose(image)
