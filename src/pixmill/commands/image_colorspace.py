from __future__ import annotations

import pyvips
from pydantic import Field, field_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Input, Output
from pixmill.params import Word

_ALIASES = {"grey": "gray"}


class Params(ImageParams):
    colorspace: Word = Field(description="Target model: " + ", ".join(colorspace.SPACES) + ".")

    @field_validator("colorspace")
    @classmethod
    def _known_space(cls, value: str) -> str:
        value = _ALIASES.get(value.removesuffix("colorspace"), value.removesuffix("colorspace"))
        if value not in colorspace.SPACES:
            raise ValueError(f"expected one of {', '.join(colorspace.SPACES)}")
        return value


@command(
    "image_colorspace",
    summary="Convert an image to a given colour model.",
    tags=("image", "colour"),
    example={"colorspace": "gray"},
)
def image_colorspace(params: Params, image: pyvips.Image, input: Input) -> Output:
    """ImageMagick's TransformImageColorspace for the models PixLab names in its
    colorspace_* endpoints: ``cmyk`` (CMYK TIFF), ``gray``, ``hsl`` (PNG), ``rgb`` (linear),
    ``srgb``, ``transparent`` (sRGB with alpha) and ``ycbcr`` (PNG), each exactly as its own
    endpoint does. Names are case-insensitive and may end in ImageMagick's "Colorspace"."""
    return colorspace.transform(image, params.colorspace, input.format)
