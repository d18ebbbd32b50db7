from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import codec
from pixmill.engine.codec import Input, Limits


@command("emailfit", summary="Make a 320x240 thumbnail for e-mail.")
def emailfit(params: ImageParams, input: Input, limits: Limits) -> pyvips.Image:
    """PixLab's shortcut for thumbnail at a fixed size: exactly 320 x 240 pixels, as
    MagickThumbnailImage makes it (the aspect ratio is not kept). JPEG and WebP inputs are
    shrunk while decoding."""
    return codec.thumbnail(input, limits, 320, 240)
