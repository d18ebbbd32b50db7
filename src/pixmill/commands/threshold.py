from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Float


class Params(ImageParams):
    th: Float = Field(ge=0, le=255, description="Intensity threshold, 0-255.")


@command("threshold", summary="Turn an image black and white at a threshold.", example={"th": 128})
def threshold(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -threshold: pixels whose intensity (Rec. 709 luma) is above ``th`` become
    white and the rest black; the result is a grey image (alpha kept)."""
    return tone.threshold(image, params.th)
