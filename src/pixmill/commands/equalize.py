from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone


@command("equalize", summary="Equalise an image's histogram.")
def equalize(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for equalize could not be read, so this follows ImageMagick's -equalize
    (no parameters): the cumulative histogram of the intensity becomes the tone curve, applied
    alike to every colour channel, so the tones spread evenly over the range."""
    return tone.equalize(image)
