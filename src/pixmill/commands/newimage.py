from __future__ import annotations

from pydantic import Field

from pixmill.commands import command
from pixmill.commands._generated import GeneratedParams
from pixmill.engine import codec, compose
from pixmill.engine.codec import Limits, Output
from pixmill.params import Color


class Params(GeneratedParams):
    color: Color = Field((128, 128, 128, 255), description="Colour name, #hex, or tr.")


@command(
    "newimage",
    summary="Create a blank image of one colour.",
    tags=("generation",),
    aliases=("create",),
    example={"width": 300, "height": 300, "color": "yellow"},
)
def newimage(params: Params, limits: Limits) -> Output:
    """A ``width`` x ``height`` image filled with ``color`` (gray by default, ``tr`` for
    transparent), written as ``export`` (png by default). Often the canvas for drawtext."""
    codec.check_size(params.width, params.height, limits)
    return Output(compose.canvas(params.width, params.height, params.color), format=params.export)
