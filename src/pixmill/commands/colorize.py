from __future__ import annotations

from typing import Annotated, Any

import pyvips
from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Color, to_float, to_text


def _percentages(value: Any) -> tuple[float, float, float]:
    """One percentage for every channel, or 'red,green,blue' (ImageMagick's -colorize value)."""
    parts = [to_float(part) for part in to_text(value).replace("%", "").split(",")]
    if len(parts) not in (1, 3) or not all(0 <= part <= 100 for part in parts):
        raise ValueError("expected a percentage 0-100, or three as 'red,green,blue'")
    return (parts[0],) * 3 if len(parts) == 1 else (parts[0], parts[1], parts[2])


def _percentages_text(value: tuple[float, float, float]) -> str:
    return f"{value[0]:g}" if len(set(value)) == 1 else ",".join(f"{part:g}" for part in value)


Percentages = Annotated[
    tuple[float, float, float],
    BeforeValidator(_percentages),
    PlainSerializer(_percentages_text, return_type=str),
    WithJsonSchema({"type": "string", "description": "A percentage, or 'red,green,blue' ones"}),
]


class Params(ImageParams):
    color: Color = Field(
        (112, 66, 20, 255), description="Colour to blend towards; a warm sepia brown by default."
    )
    opacity: Percentages = Field(
        (30.0, 30.0, 30.0),
        description="How far to blend, in percent (0-100), or per channel as 'red,green,blue'.",
    )


@command(
    "colorize",
    summary="Tint an image towards a colour.",
    example={"color": "orange", "opacity": "40"},
)
def colorize(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab's page for colorize could not be read (its index describes adding colours to a
    black-and-white photo, which needs a generative model pixmill does not ship), so this
    follows ImageMagick's -colorize: every channel is blended towards ``color`` by ``opacity``
    percent (per channel when given as 'red,green,blue'). ImageMagick has no default for
    either; pixmill tints 30% towards sepia brown (#704214) so that the bare call PixLab's
    sample makes (img and key only) gives old-photo warmth to a grey picture."""
    return tone.colorize(image, params.color[:3], params.opacity)
