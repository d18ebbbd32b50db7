from __future__ import annotations

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import codec
from pixmill.engine.codec import Input, Limits, Output


@command("favicon", summary="Make a website favicon (ICO with 128, 64 and 32 px icons).")
def favicon(params: ImageParams, input: Input, limits: Limits) -> Output:
    """An ICO file holding the image at 128, 64 and 32 pixels square, as ImageMagick's
    ``icon:auto-resize`` makes one: each icon is the whole image resized to the square (the
    aspect ratio is not kept; crop first for a non-square logo). Transparency is kept."""
    return Output(codec.thumbnail(input, limits, 128, 128), format="ico")
