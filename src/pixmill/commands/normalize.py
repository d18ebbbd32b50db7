from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams, channel_field
from pixmill.engine import tone
from pixmill.params import Int


class Params(ImageParams):
    channel: Int | None = channel_field()


@command("normalize", summary="Stretch an image's tones to span the full range.")
def normalize(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -normalize: a linear stretch that sends the darkest 0.15% of the pixels to
    black and the brightest 0.05% to white. Without ``channel`` the levels come from the
    intensity and apply to all colour channels alike (hues kept); with ``channel`` each channel
    named is stretched on its own histogram."""
    return tone.normalize(image, params.channel)
