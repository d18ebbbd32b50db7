"""Filters: blurs and the like."""

from __future__ import annotations

import pyvips

from pixmill.engine.color import apply_to_channels


def gaussian_blur(
    image: pyvips.Image, radius: float, sigma: float, channel: int | None = None
) -> pyvips.Image:
    """ImageMagick's -blur radius x sigma: sigma sets the strength; with sigma 0, radius/2."""
    sigma = sigma if sigma > 0 else radius / 2
    if sigma <= 0:
        return image
    blurred = image.gaussblur(sigma, precision="integer" if sigma < 3 else "float")
    return apply_to_channels(image, blurred.cast(image.format), channel)
