from __future__ import annotations

from collections.abc import Callable

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.engine import compose
from pixmill.engine.codec import Output
from pixmill.errors import BadRequest
from pixmill.params import Bool, Source
from pixmill.params import Params as BaseParams


class Params(BaseParams):
    src: Source = Field(description="First image: a URL, a media id, or the uploaded file.")
    target: Source = Field(description="Second image, of exactly the same width and height.")
    blob: Bool = Field(False, description="Reply with the difference image instead of JSON.")


@command(
    "imgdiff",
    summary="Measure how two images differ and picture the difference.",
    tags=("vision",),
)
def imgdiff(params: Params, image: pyvips.Image, load: Callable[[str], pyvips.Image]) -> Output:
    """``diff`` is the mean squared error between ``src`` and ``target`` over every pixel and
    channel, in 8-bit units (0 for identical images, up to 65025); the stored PNG is the
    absolute per-channel difference, black where the images agree. Both must have the same
    width and height."""
    target = load(params.target)
    if (image.width, image.height) != (target.width, target.height):
        raise BadRequest(
            f"The images differ in size ({image.width}x{image.height} and "
            f"{target.width}x{target.height}); imgdiff needs equal sizes"
        )
    mse, picture = compose.difference(image, target)
    return Output(picture, format="png", fields={"diff": round(mse, 4)})
