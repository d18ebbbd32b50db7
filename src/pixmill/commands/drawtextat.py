from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import Coord, TextParams, TextValue
from pixmill.commands._params import ImageParams
from pixmill.engine import text


class Params(ImageParams, TextParams):
    text: TextValue = Field(min_length=1, description="Text to draw.")
    x: Coord = Field(description="Left edge of the text, in pixels.")
    y: Coord = Field(description="Baseline of the first line, in pixels.")


@command(
    "drawtextat",
    summary="Draw text at a given position.",
    tags=("drawing",),
    example={"text": "Hello", "x": 75, "y": 150, "cap": True, "strokecolor": "black"},
)
def drawtextat(params: Params, image: pyvips.Image) -> pyvips.Image:
    """The first line starts at ``x`` with its baseline on ``y``; longer text wraps at the
    right edge. Without ``size`` the text is fitted to the space right of ``x`` (at most about
    a fifth of the image's height per block). Same style parameters as drawtext."""
    return text.draw_at(image, params.shown(params.text), params.x, params.y, params.style())
