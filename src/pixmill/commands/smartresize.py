from __future__ import annotations

from typing import Annotated, Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import MAX_SIDE, ImageParams
from pixmill.engine import codec, sizing
from pixmill.engine.codec import Input, Limits
from pixmill.params import Int

_Side = Annotated[Int, Field(ge=0, le=MAX_SIDE)]


class Params(ImageParams):
    width: _Side | None = Field(
        None, description="Target width; 0 or missing derives it from height and aspect ratio."
    )
    height: _Side | None = Field(
        None, description="Target height; 0 or missing derives it from width and aspect ratio."
    )

    @model_validator(mode="after")
    def _one_side(self) -> Self:
        if not self.width and not self.height:
            raise ValueError("Missing required parameter 'width' (or 'height')")
        return self


@command(
    "smartresize",
    summary="Resize proportionally to a width, a height, or inside both.",
    example={"width": 800, "height": 600},
)
def smartresize(params: Params, input: Input, limits: Limits) -> pyvips.Image:
    """Proportional resize: the aspect ratio is always kept. With one side (the other missing
    or 0, as PixLab's samples send ``height=0``) the other is derived; with both the image fits
    inside ``width`` x ``height``, as ImageMagick's ``-resize WxH`` does (larger or smaller).
    Fractional values such as ``72.5`` are truncated. Large JPEG and WebP inputs are shrunk
    while decoding, with a Lanczos filter."""
    info = codec.probe(input, limits)
    width, height = sizing.derive(
        info["width"], info["height"], params.width or None, params.height or None
    )
    return codec.thumbnail(input, limits, width, height)
