from __future__ import annotations

from collections.abc import Callable

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import Coord
from pixmill.commands._params import ImageParams
from pixmill.engine import animation, compose
from pixmill.params import Int, Source


class Params(ImageParams):
    composite: Source = Field(description="Image to paste onto the frames (URL or media id).")
    x: Coord = Field(description="Left edge of the pasted image on each frame.")
    y: Coord = Field(description="Top edge of the pasted image on each frame.")
    frame: Int = Field(0, ge=0, le=100_000, description="First frame to paste on (0-based).")


@command(
    "gifcomposite",
    summary="Paste an image onto the frames of an animated GIF or WebP.",
    tags=("gif",),
    animated=True,
)
def gifcomposite(
    params: Params, image: pyvips.Image, load: Callable[[str], pyvips.Image]
) -> pyvips.Image:
    """Pastes ``composite`` at (``x``, ``y``) on every frame from number ``frame`` (0 is the
    first) to the last, respecting its transparency and clipping it to the frame. If
    ``composite`` is itself animated only its first frame is used. Timing and looping are kept."""
    overlay = compose.rgba(animation.frames(load(params.composite))[0])

    def paste(index: int, frame: pyvips.Image) -> pyvips.Image:
        return (
            compose.overlay(frame, overlay, params.x, params.y) if index >= params.frame else frame
        )

    return animation.map_frames(image, paste)
