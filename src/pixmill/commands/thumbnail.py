from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams, Side, require_either
from pixmill.engine import codec
from pixmill.engine.codec import Input, Limits


class Params(ImageParams):
    width: Side | None = Field(
        None, description="Thumbnail width (derived from height if missing)."
    )
    height: Side | None = Field(
        None, description="Thumbnail height (derived from width if missing)."
    )

    @model_validator(mode="after")
    def _one_side(self) -> Self:
        return require_either(self)


@command("thumbnail", summary="Make a thumbnail.", example={"width": 200, "height": 200})
def thumbnail(params: Params, input: Input, limits: Limits) -> pyvips.Image:
    """Shrink to exactly ``width`` x ``height``, as MagickThumbnailImage; with one side given the
    other follows the aspect ratio. JPEG and WebP inputs are shrunk while decoding."""
    return codec.thumbnail(input, limits, params.width, params.height)
