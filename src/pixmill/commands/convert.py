from __future__ import annotations

import pyvips
from pydantic import Field, field_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace
from pixmill.engine.codec import Output
from pixmill.params import TRANSPARENT, Color, Int, Word

FORMATS = {
    "png": "png",
    "jpeg": "jpeg",
    "jpg": "jpeg",
    "jpe": "jpeg",
    "gif": "gif",
    "webp": "webp",
    "bmp": "bmp",
    "tiff": "tiff",
    "tif": "tiff",
    "ico": "ico",
    "avif": "avif",
}
# Read but not written here: the libvips build has no HEVC encoder.
_UNWRITABLE = {"heic": "HEIC", "heif": "HEIF"}


class Params(ImageParams):
    export: Word = Field(description="Target format: " + ", ".join(sorted(FORMATS)) + ".")
    background: Color = Field(
        TRANSPARENT, description="'tr' (default) keeps transparency; a colour flattens onto it."
    )
    quality: Int | None = Field(
        None, ge=1, le=100, description="JPEG/WebP/AVIF quality; for PNG the zlib level x 10."
    )

    @field_validator("export")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value in _UNWRITABLE:
            raise ValueError(f"{_UNWRITABLE[value]} output is not available; use avif")
        if value not in FORMATS:
            raise ValueError(f"unsupported format '{value}'; use one of {', '.join(FORMATS)}")
        return FORMATS[value]


@command(
    "convert",
    summary="Convert an image to another format.",
    example={"export": "png", "background": "tr"},
)
def convert(params: Params, image: pyvips.Image) -> Output:
    """Re-encode as ``export`` (png, jpeg, gif, webp, bmp, tiff, ico or avif; jpg, jpe and tif
    are accepted too), as ImageMagick converts by output format. With ``background`` a colour,
    transparent areas are flattened onto it; with ``tr`` (the default, as PixLab's sample sends)
    transparency is kept where the format has an alpha channel, and formats without one (JPEG)
    get white. ``quality`` is the encoder quality (ImageMagick's -quality; for PNG its tens
    digit is the zlib level). An ``ico`` holds the image and its halvings down to 32 pixels.
    Metadata is stripped; only the first frame of an animation is converted."""
    if params.background[3] == 255:
        image = colorspace.flatten(image, params.background)
    return Output(image, format=params.export, quality=params.quality)
