from __future__ import annotations

from typing import Any

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.models import runtime
from pixmill.models.faces import find_faces, rgb_array
from pixmill.params import Bool

MODELS = ("face-detector", "face-mesh")


class Params(ImageParams):
    count: Bool = Field(False, description="Reply with the number of faces instead of boxes.")


def faces_reply(faces: list[Any]) -> list[dict[str, int]]:
    """PixLab's box objects: face_id from 1, left to right; right/bottom are exclusive."""
    return [
        {
            "face_id": number,
            "left": face.left,
            "top": face.top,
            "width": face.width,
            "height": face.height,
            "right": face.left + face.width,
            "bottom": face.top + face.height,
        }
        for number, face in enumerate(faces, start=1)
    ]


@command(
    "facedetect",
    summary="Find every human face and report its box.",
    tags=("face",),
    needs=runtime.needs(*MODELS),
    example={"count": False},
)
def facedetect(params: Params, image: pyvips.Image) -> dict[str, Any]:
    """Detect faces with MediaPipe's full-range BlazeFace on LiteRT, searching overlapping
    tiles as well on large images so that faces down to about 40 pixels are found; a weak
    candidate is kept only if the 468-point face mesh confirms a face there. Frontal, turned
    (up to about profile) and tilted (up to about 60 degrees) faces are found; upside-down ones
    are not. ``faces`` can be passed as they are to mogrify's ``cord`` or, per face, to crop."""
    runtime.require(*MODELS)
    faces = find_faces(rgb_array(image))
    if params.count:
        return {"count": len(faces)}
    return {"faces": faces_reply(faces)}
