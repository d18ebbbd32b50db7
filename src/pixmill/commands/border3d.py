from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Color, Int


class Params(ImageParams):
    width: Int = Field(15, ge=0, le=300, description="Frame width left and right, in pixels.")
    height: Int | None = Field(
        None, ge=0, le=300, description="Frame height top and bottom (width if missing)."
    )
    outer: Int = Field(3, ge=0, le=300, description="Width of the raised outer bevel.")
    inner: Int = Field(3, ge=0, le=300, description="Width of the sunken inner bevel.")
    color: Color = Field((189, 189, 189, 255), description="Frame colour (ImageMagick's grey).")

    @model_validator(mode="after")
    def _fill_height(self) -> Self:
        if self.height is None:
            object.__setattr__(self, "height", self.width)  # frozen model, still validating
        return self


@command(
    "border3d",
    summary="Surround an image with a bevelled 3-D frame.",
    example={"width": 15, "outer": 3, "inner": 3, "color": "#bdbdbd"},
)
def border3d(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for border3d could not be read, so this follows ImageMagick's
    -frame width x height + outer + inner (MagickFrameImage): a ``color`` frame whose outer
    bevel looks raised and inner bevel sunken, in ImageMagick's shades of the colour. The
    defaults are ImageMagick's default frame (15x15+3+3) and matte colour (#bdbdbd). The bevels
    must fit in the frame; transparent areas show the frame colour."""
    return effects.frame(
        image, params.width, params.height, params.outer, params.inner, params.color
    )
