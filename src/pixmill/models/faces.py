"""Finding faces: BlazeFace candidates, confirmed by the face mesh when the detector is unsure.

This is what every face endpoint starts from. It runs inside a worker process and loads its
models through the runtime (lazily, once per worker).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import pyvips

from pixmill.engine.codec import to_array
from pixmill.models import blazeface, facemesh, runtime
from pixmill.models.blazeface import Detection, SsdModel
from pixmill.models.facemesh import Mesh

__all__ = ["DETECTOR", "Face", "find_faces", "fit_mesh", "rgb_array", "square_crop"]

DETECTOR = SsdModel(size=192, strides=(4,), interpolated=False)  # full-range, sparse weights
_ANCHORS = DETECTOR.anchors()
MIN_SCORE = 0.5  # candidates below this are never faces
SURE_SCORE = 0.75  # candidates at or above this need no confirmation
MIN_PRESENCE = 0.5  # the mesh model's face-presence probability that confirms a candidate


@dataclass(frozen=True)
class Face:
    """A detected face, its box clipped to the image, in integer pixels."""

    detection: Detection
    left: int
    top: int
    width: int
    height: int

    @property
    def rectangle(self) -> dict[str, int]:
        return {"left": self.left, "top": self.top, "width": self.width, "height": self.height}


def rgb_array(image: pyvips.Image) -> np.ndarray:
    """A contiguous HxWx3 uint8 RGB array (grey is repeated, alpha dropped)."""
    array = to_array(image)
    bands = array.shape[2]
    if bands in (1, 2):
        return np.ascontiguousarray(np.repeat(array[:, :, :1], 3, axis=2))
    return np.ascontiguousarray(array[:, :, :3])


def fit_mesh(rgb: np.ndarray, detection: Detection) -> Mesh:
    """The 468-point mesh of a detected face; a profile that fails turned by its eye line is
    tried again level, and the more confident fit is kept."""
    infer = runtime.tflite("face-mesh")
    fitted = facemesh.mesh(infer, rgb, detection)
    if fitted.presence < MIN_PRESENCE:
        level = facemesh.mesh(infer, rgb, detection, level=True)
        fitted = max(fitted, level, key=lambda candidate: candidate.presence)
    return fitted


def _clipped(detection: Detection, width: int, height: int) -> Face | None:
    x0, y0, x1, y1 = (round(float(v)) for v in detection.box)
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(width, x1), min(height, y1)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    return Face(detection, x0, y0, x1 - x0, y1 - y0)


def find_faces(rgb: np.ndarray) -> list[Face]:
    """Every face in the image, left to right: confident detections as they are, weaker ones
    only when the face mesh confirms them (this rejects faces in wood grain and animal faces)."""
    candidates = blazeface.detect(
        runtime.tflite("face-detector"), DETECTOR, _ANCHORS, rgb, min_score=MIN_SCORE
    )
    height, width = rgb.shape[:2]
    faces = []
    for candidate in candidates:
        if candidate.score < SURE_SCORE and fit_mesh(rgb, candidate).presence < MIN_PRESENCE:
            continue
        face = _clipped(candidate, width, height)
        if face is not None:
            faces.append(face)
    return sorted(faces, key=lambda face: (face.left, face.top))


def square_crop(rgb: np.ndarray, detection: Detection, scale: float) -> np.ndarray:
    """A square of ``scale`` times the face box's longer side around its centre; the parts
    outside the image repeat its edge."""
    centre = (detection.box[:2] + detection.box[2:]) / 2
    half = max(detection.width, detection.height) * scale / 2
    x0, y0 = (round(float(v - half)) for v in centre)
    side = max(2, round(2 * half))
    height, width = rgb.shape[:2]
    pad = max(0, -x0, -y0, x0 + side - width, y0 + side - height)
    if pad:
        rgb = cv2.copyMakeBorder(rgb, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    return rgb[y0 + pad : y0 + pad + side, x0 + pad : x0 + pad + side]
