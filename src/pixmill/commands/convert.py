from __future__ import annotations

import pyvips
from pydantic import Field, field_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine.codec import Output
from pixmill.engine.color import background
from pixmill.params import TRANSPARENT, Color, Int, Word

FORMATS = {
    "png": "png",
    "jpeg": "jpeg",
    "jpg": "jpeg",
    "gif": "gif",
    "webp": "webp",
    "bmp": "bmp",
    "tiff": "tiff",
    "tif": "tiff",
    "ico": "ico",
    "heic": "heif",
    "heif": "heif",
    "avif": "avif",
}


class Params(ImageParams):
    export: Word = Field(description="Target format: " + ", ".join(sorted(FORMATS)) + ".")
    background: Color = Field(
        TRANSPARENT, description="'tr' keeps transparency; a colour flattens."
    )
    quality: Int | None = Field(None, ge=1, le=100, description="Lossy quality (JPEG, WebP, AVIF).")

    @field_validator("export")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(f"unsupported format '{value}'")
        return FORMATS[value]


@command(
    "convert",
    summary="Convert an image to another format.",
    example={"export": "png", "background": "tr"},
)
def convert(params: Params, image: pyvips.Image) -> Output:
    """Re-encode as ``export``. With ``background`` a colour, transparent areas are flattened onto
    it; with ``tr`` (the default) transparency is kept where the format has an alpha channel."""
    if params.background[3] == 255 and image.hasalpha():
        image, fill = background(image, params.background)
        image = image.flatten(background=fill[:-1])
    return Output(image, format=params.export, quality=params.quality)
