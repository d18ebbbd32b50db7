from __future__ import annotations

from pydantic import Field

from pixmill.commands import command
from pixmill.commands._generated import GeneratedParams
from pixmill.engine import codec, compose
from pixmill.engine.codec import Limits, Output
from pixmill.params import Color


class Params(GeneratedParams):
    color: Color | None = Field(
        None, description="Random shades of this colour; tr adds random transparency."
    )


@command(
    "pixelgenerate",
    summary="Create an image of random pixels.",
    tags=("generation",),
    example={"width": 300, "height": 300},
)
def pixelgenerate(params: Params, limits: Limits) -> Output:
    """A ``width`` x ``height`` image of uniformly random RGB pixels (negative samples for
    training, placeholders), written as ``export`` (png by default). PixLab documents a
    ``color`` without saying what it does; here a colour gives random shades of it and ``tr``
    gives random transparency as well."""
    codec.check_size(params.width, params.height, limits)
    return Output(compose.noise(params.width, params.height, params.color), format=params.export)
