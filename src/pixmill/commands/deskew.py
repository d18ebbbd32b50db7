from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing
from pixmill.params import Float


class Params(ImageParams):
    threshold: Float = Field(
        40, ge=0, le=100, description="Pixels darker than this percentage count as ink."
    )


@command("deskew", summary="Straighten a skewed scan.")
def deskew(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -deskew threshold% (40% by default): the skew of the ink lines (any channel
    darker than ``threshold`` percent) is measured within 45 degrees and the image is rotated
    back by it. As ImageMagick does without auto-crop, the canvas grows to hold the rotated
    image and the corners are white."""
    return sizing.deskew(image, params.threshold)
