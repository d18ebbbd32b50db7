from __future__ import annotations

from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import MAX_ITEMS, JsonList, Rect
from pixmill.commands._params import ImageParams
from pixmill.engine import compose
from pixmill.params import Float


class Params(ImageParams):
    cord: Annotated[list[Rect], JsonList] = Field(
        min_length=1,
        max_length=MAX_ITEMS,
        description="Regions: [{x|left, y|top, width, height}, ...]; facedetect's faces as-is.",
    )
    radius: Float = Field(30, ge=0, le=100, description="Blur radius.")
    sigma: Float = Field(0, ge=0, le=30, description="Blur strength; radius / 2 when 0.")


@command(
    "mogrify",
    summary="Blur rectangular regions of an image, such as detected faces.",
    tags=("image",),
    example={"cord": [{"x": 170, "y": 70, "width": 120, "height": 140}]},
)
def mogrify(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Blurs inside each region of ``cord`` and leaves every other pixel untouched. Regions
    take ``left``/``top`` for x/y and ignore extra keys, so facedetect's ``faces`` array can be
    passed unchanged. The blur is ImageMagick's -blur ``radius`` x ``sigma`` (sigma at most 30;
    radius / 2 when sigma is 0), fed from around each region so its edges do not smear in a
    mirrored border. PixLab documents a JSON POST; a GET may pass ``cord`` as a JSON string."""
    boxes = [rect.box for rect in params.cord]
    return compose.blur_regions(image, boxes, params.radius, params.sigma)
