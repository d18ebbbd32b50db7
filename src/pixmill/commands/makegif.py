from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import JsonList
from pixmill.engine import animation, compose
from pixmill.engine.codec import Limits, Output
from pixmill.params import Bool, Int, Source
from pixmill.params import Params as BaseParams


class Frame(BaseParams):
    img: Source = Field(description="Frame image URL or media id.")


class Params(BaseParams):
    frames: Annotated[list[Frame], JsonList] = Field(
        min_length=1, max_length=500, description="Ordered frames: [{img}, ...] (JSON)."
    )
    delay: Int = Field(
        animation.DEFAULT_DELAY, ge=10, le=60_000, description="Milliseconds between frames."
    )
    blob: Bool = Field(False, description="Reply with the GIF bytes instead of JSON.")


@command(
    "makegif",
    summary="Assemble an animated GIF from still images.",
    tags=("gif",),
)
def makegif(params: Params, load: Callable[[str], pyvips.Image], limits: Limits) -> Output:
    """Each frame shows for ``delay`` ms (default 200) and the GIF loops forever. The first
    frame sets the size; the others are scaled to fit inside it, keeping their aspect, and
    centred on a transparent background. Refused when the frames exceed the server's frame or
    total-pixel budget."""
    first = load(params.frames[0].img)
    width, height = first.width, first.height
    animation.check_budget(len(params.frames), width, height, limits)
    pictures = [compose.fit(load(frame.img), width, height) for frame in params.frames]
    return Output(animation.assemble(pictures, params.delay), format="gif")
