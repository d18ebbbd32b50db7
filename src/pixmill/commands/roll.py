from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing
from pixmill.params import Int


class Params(ImageParams):
    x: Int = Field(ge=-1_000_000, le=1_000_000, description="Horizontal shift (right if positive).")
    y: Int = Field(ge=-1_000_000, le=1_000_000, description="Vertical shift (down if positive).")


@command("roll", summary="Shift the image contents, wrapping around.", example={"x": 100, "y": 50})
def roll(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -roll: the pixels move by (``x``, ``y``) and what leaves one edge comes
    back in at the opposite one, so the size and the content are unchanged."""
    return sizing.roll(image, params.x, params.y)
