from __future__ import annotations

from typing import Any

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.models import identity, runtime
from pixmill.models.faces import find_faces, rgb_array
from pixmill.params import Params as BaseParams
from pixmill.params import Source

MODELS = ("face-detector", "face-mesh", "face-shape5", "face-embedding")


class Params(BaseParams):
    face: Source = Field(description="Image of the face to look for (URL, media id or upload).")
    crowd: Source = Field(description="Image with any number of faces to search (URL or id).")


@command(
    "facelookup",
    summary="Find the face of one image among the faces of a group photo.",
    tags=("face",),
    needs=runtime.needs(*MODELS),
)
def facelookup(params: Params, image: pyvips.Image, load: Any) -> dict[str, Any]:
    """Embeds the largest face of ``face`` and every face of ``crowd`` (dlib 128-d) and picks
    the nearest. When it is the same person (distance below 0.6) the reply gives its
    ``rectangle`` and ``confidence``; otherwise ``found`` is false and ``best`` holds the
    closest candidate."""
    runtime.require(*MODELS)
    wanted = identity.main_face(image, "face")
    crowd = rgb_array(load(params.crowd))
    faces = find_faces(crowd)
    if not faces:
        raise identity.no_face("crowd")
    scored = [
        (identity.confidence(identity.distance(wanted, identity.embedding(crowd, f.detection))), f)
        for f in faces
    ]
    score, best = max(scored, key=lambda pair: pair[0])
    if score > 0.5:
        return {"found": True, "confidence": score, "rectangle": best.rectangle}
    best_match = {"rectangle": best.rectangle, "confidence": score}
    return {"found": False, "confidence": score, "best": best_match}
