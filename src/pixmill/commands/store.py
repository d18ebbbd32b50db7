from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.params import Text


class Params(ImageParams):
    comment: Text = Field("", max_length=1000, description="Free text kept with the upload.")


@command(
    "store",
    summary="Store an uploaded image and answer its link.",
    aliases=("put",),
    tags=("storage",),
    animated=True,
)
def store(params: Params, image: pyvips.Image) -> pyvips.Image:
    """Upload a file (multipart part ``file``) or name a URL; the image is re-encoded by the
    server, so nothing but pixels is ever stored (animations keep their frames, within the
    frame budget), and its link answered. The first step of PixLab's JSON-only endpoints
    (mogrify, merge, makegif ...)."""
    return image
