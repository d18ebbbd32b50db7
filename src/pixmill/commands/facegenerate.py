from __future__ import annotations

from typing import Any

from pydantic import Field

from pixmill.commands import command
from pixmill.errors import Unavailable
from pixmill.params import Bool, Params

REASON = (
    "facegenerate is not supported by this server: synthesising faces needs a generative "
    "model, and none can be shipped offline with pixmill"
)


class FaceParams(Params):
    blob: Bool = Field(False, description="Reply with the image bytes instead of JSON.")


@command(
    "facegenerate",
    summary="Synthesise a face image (not supported: no offline generative model).",
    tags=("face",),
    needs=("unsupported:it needs a generative face model, and no generative model ships offline",),
)
async def facegenerate(params: FaceParams) -> dict[str, Any]:
    """PixLab lists facegenerate (synthesise a realistic face) without documenting it. No
    generative model ships offline, and faking one (a face cut from a photo, a cartoon) would
    mislead, so this endpoint always answers 503 with that explanation, and
    ``pixmill doctor`` lists it as unavailable."""
    raise Unavailable(REASON)
