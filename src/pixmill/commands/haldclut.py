from __future__ import annotations

from collections.abc import Callable

import pyvips
from pydantic import AliasChoices, Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Source


class Params(ImageParams):
    clut: Source = Field(
        validation_alias=AliasChoices("clut", "hald"),
        description="The Hald colour lookup table image (URL or media id; also 'hald').",
    )


@command(
    "haldclut",
    summary="Recolour an image through a Hald colour lookup table.",
    example={"clut": "https://example.com/hald8.png"},
)
def haldclut(
    params: Params, image: pyvips.Image, load: Callable[[str], pyvips.Image]
) -> pyvips.Image:
    """PixLab's page for haldclut could not be read, so this follows ImageMagick's -hald-clut:
    each colour is looked up, with trilinear interpolation, in the ``clut`` image, a Hald
    table (square, side n^3 pixels, e.g. 512 x 512 for level 8, as ``convert hald:8`` makes
    and photo editors export). Any other shape is refused with a 400."""
    return effects.hald_clut(image, load(params.clut))
