from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import filters


@command("enhance", summary="Reduce noise with an edge-preserving filter.")
def enhance(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for enhance could not be read, so this follows ImageMagick's -enhance (no
    parameters): each pixel becomes a weighted mean of the pixels of its 5 x 5 neighbourhood
    whose colour is close to its own, which smooths noise but not edges."""
    return filters.enhance(image)
