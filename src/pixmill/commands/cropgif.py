from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import Region
from pixmill.engine import animation, geometry


@command(
    "cropgif",
    summary="Crop every frame of an animated GIF or WebP.",
    tags=("gif",),
    animated=True,
    example={"x": 150, "y": 70, "width": 256},
)
def cropgif(params: Region, image: pyvips.Image) -> pyvips.Image:
    """Cuts the same ``width`` x ``height`` region at (``x``, ``y``) out of every frame (a
    missing side takes the other's value); the region is clipped to the frame. Timing and
    looping are kept; a GIF stays a GIF, a WebP a WebP, and a still image is cropped once."""
    return animation.map_frames(
        image,
        lambda _, frame: geometry.crop(frame, params.x, params.y, params.width, params.height),
    )
