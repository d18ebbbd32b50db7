from __future__ import annotations

from typing import Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing
from pixmill.params import Float


class Params(ImageParams):
    xr: Float = Field(ge=1, le=10000, description="Horizontal resolution, in DPI.")
    yr: Float | None = Field(
        None, ge=1, le=10000, description="Vertical resolution (xr if missing)."
    )

    @model_validator(mode="after")
    def _square_by_default(self) -> Self:
        if self.yr is None:
            object.__setattr__(self, "yr", self.xr)  # frozen model, still being validated
        return self


@command(
    "setresolution", summary="Set the resolution (DPI) an image is printed at.", example={"xr": 300}
)
def setresolution(params: Params, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's MagickSetImageResolution: the pixels are untouched; only the resolution
    recorded in the file changes (``xr`` and ``yr`` in dots per inch). PNG, TIFF and JPEG carry
    it; GIF and WebP have nowhere to store it."""
    return sizing.with_dpi(image, params.xr, params.yr)
