from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine.codec import Output
from pixmill.params import Int


class Params(ImageParams):
    quality: Int = Field(ge=1, le=100, description="1..100: lower makes smaller, lossier files.")


@command(
    "compress",
    summary="Re-encode an image at a chosen quality to reduce its size.",
    example={"quality": 40},
)
def compress(params: Params, image: pyvips.Image) -> Output:
    """Re-encode in the input's format at ``quality``, as ImageMagick's -quality does: for JPEG,
    WebP and AVIF it is the lossy encoder's quality; for PNG (lossless) its tens digit is the
    zlib compression level, so 90 and above compress hardest. Metadata is stripped."""
    return Output(image, quality=params.quality)
