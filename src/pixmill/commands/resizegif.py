from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import OptionalSize
from pixmill.engine import animation, geometry


@command(
    "resizegif",
    summary="Resize every frame of an animated GIF or WebP.",
    tags=("gif",),
    animated=True,
    example={"width": 256, "height": 256},
)
def resizegif(params: OptionalSize, image: pyvips.Image) -> pyvips.Image:
    """Scales every frame to exactly ``width`` x ``height`` (a missing side takes the other's
    value). Timing and looping are kept; a GIF stays a GIF, a WebP a WebP."""
    return animation.map_frames(
        image, lambda _, frame: geometry.resize(frame, params.width, params.height)
    )
