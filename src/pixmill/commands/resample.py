from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import sizing
from pixmill.engine.codec import Limits, check_size
from pixmill.params import Float


class Params(ImageParams):
    xr: Float = Field(ge=16, le=300, description="Target horizontal resolution, 16..300 DPI.")
    yr: Float = Field(ge=16, le=300, description="Target vertical resolution, 16..300 DPI.")
    blur: Float = Field(
        gt=0, le=30, description="ImageMagick's blur factor: above 1 blurs, 1 or less does not."
    )


@command(
    "resample",
    summary="Resample an image to a new resolution.",
    example={"xr": 150, "yr": 150, "blur": 1},
)
def resample(params: Params, image: pyvips.Image, limits: Limits) -> pyvips.Image:
    """ImageMagick's ResampleImage: the pixel size changes by the ratio of the new resolution to
    the image's own (72 DPI when it has none), so the printed size stays the same, and the output
    carries the new resolution (kept by PNG, TIFF and JPEG). The filter is Lanczos; ``blur``
    widens it as ImageMagick's blur factor does (emulated with a matching Gaussian)."""
    dpi_x, dpi_y = sizing.dpi(image)
    width = max(1, int(params.xr * image.width / dpi_x + 0.5))
    height = max(1, int(params.yr * image.height / dpi_y + 0.5))
    check_size(width, height, limits)
    resampled = sizing.resample(image, width, height, params.blur)
    return sizing.with_dpi(resampled, params.xr, params.yr)
