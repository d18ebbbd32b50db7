from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._drawing import Coord, JsonList
from pixmill.engine import compose
from pixmill.params import Bool, Source
from pixmill.params import Params as BaseParams

MAX_OVERLAYS = 32


class Overlay(BaseParams):
    img: Source = Field(description="Overlay image URL or media id.")
    x: Coord = Field(description="Left edge (or horizontal middle with center) on the base.")
    y: Coord = Field(description="Top edge (or vertical middle with center_y) on the base.")
    center: Bool = Field(False, description="Place the overlay's horizontal middle on x.")
    center_y: Bool = Field(False, description="Place the overlay's vertical middle on y.")


class Params(BaseParams):
    src: Source = Field(description="Base image: a URL, a media id, or the uploaded file.")
    cord: Annotated[list[Overlay], JsonList] = Field(
        min_length=1,
        max_length=MAX_OVERLAYS,
        description="Overlays: [{img, x, y, center?, center_y?}, ...] (JSON).",
    )
    blob: Bool = Field(False, description="Reply with the image bytes instead of JSON.")


@command(
    "merge",
    summary="Paste overlay images onto a base image.",
    tags=("image",),
    aliases=("composite",),
)
def merge(params: Params, image: pyvips.Image, load: Callable[[str], pyvips.Image]) -> pyvips.Image:
    """Pastes each overlay of ``cord`` onto ``src`` in order, at (``x``, ``y``), or with its
    horizontal middle on ``x`` when ``center`` is true and its vertical middle on ``y`` when
    ``center_y`` is true (Snapchat-style filters on face landmarks). Overlay transparency is
    respected; overlays larger than the base or partly outside it are clipped to it. The base
    keeps its size and format."""
    for item in params.cord:
        top = load(item.img)
        x = item.x - top.width // 2 if item.center else item.x
        y = item.y - top.height // 2 if item.center_y else item.y
        image = compose.paste(image, top, x, y)
    return image
