from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import OptionalSize
from pixmill.engine import sizing
from pixmill.engine.codec import Limits, check_size
from pixmill.params import Bool


class Params(OptionalSize):
    bestfit: Bool = Field(
        False, description="Keep the aspect ratio: fit inside the width x height box."
    )


@command(
    "adaptiveresize",
    summary="Resize with data-dependent triangulation, keeping edges sharp.",
    aliases=("ar",),
    example={"width": 300, "height": 200},
)
def adaptiveresize(params: Params, image: pyvips.Image, limits: Limits) -> pyvips.Image:
    """ImageMagick's AdaptiveResizeImage: mesh interpolation, where each output pixel is taken
    from the triangle of its four source neighbours split along the diagonal with the smaller
    luma difference, so edges are not blurred across (best for small changes of size). The
    result is exactly ``width`` x ``height`` (a missing side takes the other's value); with
    ``bestfit`` the aspect ratio is kept and the image fits inside that box."""
    width, height = params.width, params.height
    if params.bestfit:
        width, height = sizing.fit(image.width, image.height, width, height)
    check_size(width, height, limits)
    return sizing.mesh_resize(image, width, height)
