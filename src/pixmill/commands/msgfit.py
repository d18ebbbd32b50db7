from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import codec
from pixmill.engine.codec import Input, Limits


@command("msgfit", summary="Make a 640x480 thumbnail for messages and presentations.")
def msgfit(params: ImageParams, input: Input, limits: Limits) -> pyvips.Image:
    """PixLab's shortcut for thumbnail at a fixed size: exactly 640 x 480 pixels, as
    MagickThumbnailImage makes it (the aspect ratio is not kept). JPEG and WebP inputs are
    shrunk while decoding."""
    return codec.thumbnail(input, limits, 640, 480)
