from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import Coord, TextParams, TextValue
from pixmill.commands._params import ImageParams
from pixmill.engine import text
from pixmill.params import Float


class Params(ImageParams, TextParams):
    text: TextValue = Field(min_length=1, description="Text to draw.")
    x: Coord = Field(description="Left end of the baseline, in pixels.")
    y: Coord = Field(description="Baseline of the first line, in pixels.")
    degree: Float = Field(0, ge=-360, le=360, description="Clockwise rotation of the text.")


@command(
    "annotate",
    summary="Draw text at a position, optionally rotated.",
    tags=("drawing",),
    example={"text": "pixmill", "x": 40, "y": 470, "size": 48, "degree": -15},
)
def annotate(params: Params, image: pyvips.Image) -> pyvips.Image:
    """PixLab lists annotate without documenting it; this follows ImageMagick's
    ``-annotate {degree}x{degree}+x+y text`` without a gravity: the text's baseline starts at
    (``x``, ``y``) and the text turns ``degree`` degrees clockwise about that point. Style
    parameters as drawtext (font, size, color, strokecolor, strokewidth, strokeopacity, cap)."""
    style = params.style()
    return text.draw_at(image, params.shown(params.text), params.x, params.y, style, params.degree)
