from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Float


class Params(ImageParams):
    radius: Float = Field(
        ge=-10, le=10, description="Implode amount; negative values explode the image instead."
    )


@command("implode", summary="Pinch an image towards its centre.", example={"radius": 0.6})
def implode(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -implode amount (PixLab calls it ``radius``): pixels inside the ellipse
    inscribed in the image are drawn from sin(pi d / 2r)^-amount times further out, so the
    middle is pinched (negative amounts push it outwards); the rest is unchanged."""
    return effects.implode(image, params.radius)
