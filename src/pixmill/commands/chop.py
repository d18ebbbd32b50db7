from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import MAX_SIDE, ImageParams, pair_sides
from pixmill.engine import sizing
from pixmill.params import Int


class Params(ImageParams):
    width: Int | None = Field(
        None, ge=0, le=MAX_SIDE, description="Columns removed from x (height if missing)."
    )
    height: Int | None = Field(
        None, ge=0, le=MAX_SIDE, description="Rows removed from y (width if missing)."
    )
    x: Int = Field(0, ge=0, le=MAX_SIDE, description="First column removed.")
    y: Int = Field(0, ge=0, le=MAX_SIDE, description="First row removed.")

    @model_validator(mode="after")
    def _fill_missing_side(self) -> Self:
        return pair_sides(self)


@command(
    "chop",
    summary="Remove a band of columns and rows and close the gap.",
    example={"height": 20, "x": 45, "y": 72},
)
def chop(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -chop WxH+X+Y: the ``width`` columns starting at ``x`` and the ``height``
    rows starting at ``y`` are removed and the rest is pushed together, so the result is
    ``width`` narrower and ``height`` shorter. A missing side takes the other's value (PixLab's
    sample sends only height); bands running past the edge are clipped."""
    return sizing.chop(image, params.x, params.y, params.width, params.height)
