from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._drawing import TextParams, TextValue
from pixmill.commands._params import ImageParams
from pixmill.engine import text


class Params(ImageParams, TextParams):
    top: TextValue | None = Field(None, description="Text centred at the top.")
    center: TextValue | None = Field(None, description="Text centred in the middle.")
    bottom: TextValue | None = Field(None, description="Text centred at the bottom.")

    @model_validator(mode="after")
    def _some_text(self) -> Self:
        if not any((self.top, self.center, self.bottom)):
            raise ValueError("Missing required parameter 'top', 'center' or 'bottom'")
        return self


@command(
    "drawtext",
    summary="Draw meme-style text at the top, centre and bottom of an image.",
    tags=("drawing",),
    aliases=("meme",),
    example={
        "top": "one does not simply",
        "bottom": "walk into mordor",
        "cap": True,
        "strokecolor": "black",
    },
)
def drawtext(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Each of ``top``, ``center`` and ``bottom`` is centred horizontally in its part of the
    image, wrapped to the width, and (without ``size``) fitted to the width and about a fifth
    of the height. ``cap`` upper-cases it; ``strokecolor`` outlines it, ``strokewidth`` pixels
    wide at ``strokeopacity``. Any script the installed fonts cover is shaped correctly."""
    style = params.style()
    for place in ("top", "center", "bottom"):
        value = getattr(params, place)
        if value:
            image = text.draw_block(image, params.shown(value), place, style)
    return image
