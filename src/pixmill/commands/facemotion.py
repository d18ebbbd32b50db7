from __future__ import annotations

from typing import Any

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.models import runtime
from pixmill.models.attributes import age_and_gender, emotions
from pixmill.models.faces import find_faces, rgb_array

MODELS = ("face-detector", "face-mesh", "face-gear", "face-emotion")


class Params(ImageParams):
    pass


@command(
    "facemotion",
    summary="Find faces and estimate each one's age, gender and emotion.",
    tags=("face",),
    needs=runtime.needs(*MODELS),
)
def facemotion(params: Params, image: pyvips.Image) -> dict[str, Any]:
    """Per face: its box, ``age`` (years) and ``gender`` from the GEAR network, and ``emotion``,
    a list of ``{state, score}`` for anger, disgust, fear, happiness, sadness, surprise and
    neutral (the FER2013 classes; contempt is not modelled), the likeliest first. Ages of
    elderly faces are underestimated."""
    runtime.require(*MODELS)
    rgb = rgb_array(image)
    faces = []
    for face in find_faces(rgb):
        age, gender = age_and_gender(rgb, face.detection)
        faces.append(
            {
                "rectangle": face.rectangle,
                "age": age,
                "gender": gender,
                "emotion": emotions(rgb, face.detection),
            }
        )
    return {"faces": faces}
