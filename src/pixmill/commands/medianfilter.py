from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import filters, tone
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        0,
        ge=0,
        le=41,
        description="Side of the square window, as ImageMagick reads it; 0 picks 5 x 5.",
    )


@command(
    "medianfilter",
    summary="Replace each pixel by the median of its neighbourhood.",
    aliases=("mf",),
    example={"radius": 3},
)
def medianfilter(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for medianfilter could not be read, so this follows ImageMagick's
    MagickMedianFilterImage / -median: each colour channel takes the median of a square window
    whose side is ``radius`` (ImageMagick passes its "radius" on as the window's width; 0
    means its automatic 5 x 5). Removes salt-and-pepper noise while keeping edges."""
    return tone.select_channels(image, filters.median(image, params.radius), None)
