from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams, pair_sides
from pixmill.engine import geometry
from pixmill.params import Color, Int


class Params(ImageParams):
    width: Int | None = Field(
        None, ge=0, le=300, description="Left/right border (height if missing)."
    )
    height: Int | None = Field(
        None, ge=0, le=300, description="Top/bottom border (width if missing)."
    )
    color: Color = Field((128, 128, 128, 255), description="Border colour; gray by default.")

    @model_validator(mode="after")
    def _fill_missing_side(self) -> Self:
        return pair_sides(self)


@command(
    "border", summary="Surround an image with a border.", example={"width": 20, "color": "yellow"}
)
def border(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Add ``width`` pixels left and right and ``height`` top and bottom; a missing side takes the
    other's value."""
    return geometry.border(image, params.width, params.height, params.color)
