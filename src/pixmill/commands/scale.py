from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import geometry
from pixmill.params import Float


class Params(ImageParams):
    scale: Float = Field(gt=0, le=500, description="Percentage of the original size (50 = half).")


@command("scale", summary="Scale by a percentage.", example={"scale": 50})
def scale(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Scale both sides by ``scale`` percent, keeping the aspect ratio."""
    return geometry.scale(image, params.scale)
