from __future__ import annotations

from typing import Any

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.models import identity, runtime
from pixmill.params import Params as BaseParams
from pixmill.params import Source

MODELS = ("face-detector", "face-mesh", "face-shape5", "face-embedding")


class Params(BaseParams):
    src: Source = Field(description="Image with the first face (URL, media id or upload).")
    target: Source = Field(description="Image with the second face (URL or media id).")


@command(
    "facecompare",
    summary="Tell whether the faces in two images belong to the same person.",
    tags=("face",),
    needs=runtime.needs(*MODELS),
)
def facecompare(params: Params, image: pyvips.Image, load: Any) -> dict[str, Any]:
    """Compares dlib's 128-d face embeddings (after 5-point alignment) of the largest face in
    ``src`` and in ``target``: the same person when their distance is below 0.6.
    ``confidence`` is 0.5 at that threshold and nears 1 for near-identical faces."""
    runtime.require(*MODELS)
    first = identity.main_face(image, "src")
    second = identity.main_face(load(params.target), "target")
    score = identity.confidence(identity.distance(first, second))
    return {"same_face": score > 0.5, "confidence": score}
