from __future__ import annotations

from typing import Annotated, Any, Self

import pyvips
from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import to_float


def _count(value: Any) -> tuple[float, bool]:
    """A pixel count, or a percentage of the pixels when it ends with '%' (ImageMagick's
    -linear-stretch syntax)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return to_float(value.strip()[:-1]), True
    return to_float(value), False


Count = Annotated[
    tuple[float, bool],
    BeforeValidator(_count),
    PlainSerializer(lambda value: f"{value[0]:g}{'%' if value[1] else ''}", return_type=str),
    WithJsonSchema({"type": "string", "description": "A pixel count, or a percentage like 2%"}),
]


class Params(ImageParams):
    blackpoint: Count = Field(
        description="How many of the darkest pixels become black (a count, or e.g. '2%')."
    )
    whitepoint: Count = Field(
        description="How many of the brightest pixels become white (a count, or e.g. '1%')."
    )

    @model_validator(mode="after")
    def _in_range(self) -> Self:
        for name in ("blackpoint", "whitepoint"):
            amount, percent = getattr(self, name)
            if amount < 0 or (percent and amount > 100):
                raise ValueError(f"'{name}' must be a count >= 0 or a percentage 0-100%")
        return self


@command(
    "linearstretch",
    summary="Stretch contrast linearly between a black and a white point.",
    aliases=("ls",),
    example={"blackpoint": "2%", "whitepoint": "1%"},
)
def linearstretch(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -linear-stretch (MagickLinearStretchImage): the ``blackpoint`` darkest
    pixels (by intensity) become black, the ``whitepoint`` brightest become white and the tones
    between are stretched linearly, alike in every colour channel. Both are pixel counts, as in
    ImageMagick's API; a value ending in '%' is a percentage of the pixels, as on its command
    line."""
    total = image.width * image.height
    black, white = (
        amount * total / 100 if percent else amount
        for amount, percent in (params.blackpoint, params.whitepoint)
    )
    return tone.linear_stretch(image, black, white)
