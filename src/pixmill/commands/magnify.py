from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing
from pixmill.engine.codec import Limits, check_size


@command("magnify", summary="Double the image size with pixel-art scaling.")
def magnify(params: ImageParams, image: pyvips.Image, limits: Limits) -> pyvips.Image:
    """ImageMagick's MagnifyImage with its default method, Scale2X: every pixel becomes a 2x2
    block whose corners follow the neighbours where they form a clean edge, so diagonal edges
    are not stair-stepped and nothing is blurred."""
    check_size(image.width * 2, image.height * 2, limits)
    return sizing.scale2x(image)
