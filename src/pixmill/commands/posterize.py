from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Bool, Int


class Params(ImageParams):
    level: Int = Field(ge=1, le=256, description="Levels per channel (2 to 256; 1 = black).")
    dither: Bool = Field(False, description="Spread the rounding with an ordered dither.")


@command(
    "posterize",
    summary="Reduce the number of levels in each channel.",
    example={"level": 4, "dither": False},
)
def posterize(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -posterize level: every channel is rounded to ``level`` evenly spaced
    values. ImageMagick's own dither flag changes no pixel here (it dithers after the levels
    are already set), so with ``dither`` true pixmill applies ImageMagick's 8 x 8 ordered
    dither to the same levels (-ordered-dither o8x8,level), which gives the flag its
    meaning."""
    return tone.posterize(image, params.level, params.dither)
