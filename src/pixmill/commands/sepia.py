from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import tone
from pixmill.params import Float


class Params(ImageParams):
    sepia: Float = Field(
        ge=0, le=255, description="Threshold on the 0-255 scale (204 = ImageMagick's 80%)."
    )


@command("sepia", summary="Tone an image in sepia.", example={"sepia": 204})
def sepia(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -sepia-tone with a threshold of ``sepia``/255 of the range: warm tones
    derived from each pixel's intensity, then normalised and given a sigmoidal contrast, as
    SepiaToneImage does. Higher thresholds give darker, stronger toning."""
    return tone.sepia(image, params.sepia)
