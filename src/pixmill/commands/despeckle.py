from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import filters


@command("despeckle", summary="Reduce speckle noise while keeping edges.")
def despeckle(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for despeckle could not be read, so this follows ImageMagick's -despeckle
    (no parameters): Crimmins' speckle-removal hulls in four directions on each colour
    channel, which shave isolated bright and dark specks one level at a time."""
    return filters.despeckle(image)
