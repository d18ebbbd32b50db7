from __future__ import annotations

from typing import Any

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.models import runtime
from pixmill.models.facemesh import landmarks
from pixmill.models.faces import find_faces, fit_mesh, rgb_array

MODELS = ("face-detector", "face-mesh")


class Params(ImageParams):
    pass


@command(
    "facelandmarks",
    summary="Find faces and the positions of their eyes, brows, nose, lips, chin and forehead.",
    tags=("face",),
    needs=runtime.needs(*MODELS),
)
def facelandmarks(params: Params, image: pyvips.Image) -> dict[str, Any]:
    """Each face's box (as facedetect gives it) and named points taken from MediaPipe's
    468-point face mesh. ``*_left`` names the side on the left of the picture. ``pupil_*`` is
    the centre of the eye's outline; ``*_brow_inner`` the inner end of each eyebrow; ``*_outer``
    the outer eye corners; ``bone`` the forehead (frontal bone): its top centre and the two
    upper temples, where the samples place hats and crowns."""
    runtime.require(*MODELS)
    rgb = rgb_array(image)
    faces = []
    for number, face in enumerate(find_faces(rgb), start=1):
        mesh = fit_mesh(rgb, face.detection)
        rectangle = {**face.rectangle, "face_id": number}
        faces.append({"rectangle": rectangle, "landmarks": landmarks(mesh.points)})
    return {"faces": faces}
