from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import OptionalSize
from pixmill.engine import geometry


@command(
    "resize", summary="Resize to an exact width and height.", example={"width": 300, "height": 200}
)
def resize(params: OptionalSize, image: pyvips.Image) -> pyvips.Image:
    """Resize to exactly ``width`` x ``height`` (aspect ratio not kept, as MagickResizeImage);
    a missing side takes the other's value."""
    return geometry.resize(image, params.width, params.height)
