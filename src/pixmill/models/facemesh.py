"""MediaPipe's 468-point face mesh (``face_landmark.tflite``) and PixLab's named landmarks.

The recipe is MediaPipe's: a square region of 1.5 times the detector's box, turned so that the
eyes are level, resized to 192x192 with values in [0, 1]. The model returns 468 (x, y, z) points
in crop pixels and a face-presence logit; points are mapped back through the same rotation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from pixmill.models.blazeface import Detection

__all__ = ["Mesh", "landmarks", "mesh"]

SIZE = 192
ROI_SCALE = 1.5
Infer = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]

# Canonical mesh indices. "right"/"left" below are the subject's; PixLab's *_left keys name the
# side on the image's left of an upright face, which is the subject's right.
_RIGHT_EYE = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246]
_LEFT_EYE = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466]
_POINTS = {
    "nose": 1,
    "mouth_left": 61,
    "mouth_right": 291,
    "top_lip": 0,
    "bottom_lip": 17,
    "chin": 152,
}
_BONE = {"center": 10, "outer_left": 54, "outer_right": 284}  # the frontal bone (forehead)
_EYE = {
    "left_brow_inner": 55,
    "right_brow_inner": 285,
    "left_outer": 33,
    "right_outer": 263,
}


@dataclass(frozen=True)
class Mesh:
    """468 points (x, y) in image pixels and the model's face-presence probability."""

    points: np.ndarray
    presence: float


def _roi(face: Detection, level: bool) -> tuple[np.ndarray, float, float]:
    """Centre, side and angle (radians, image axes) of the region the mesh model expects."""
    centre = (face.box[:2] + face.box[2:]) / 2
    side = max(face.width, face.height) * ROI_SCALE
    right_eye, left_eye = face.keypoints[0], face.keypoints[1]
    angle = 0.0 if level else math.atan2(left_eye[1] - right_eye[1], left_eye[0] - right_eye[0])
    return centre, side, angle


def mesh(infer: Infer, rgb: np.ndarray, face: Detection, *, level: bool = False) -> Mesh:
    """Run the mesh model on one detected face, turned by its eye line (or not, if ``level``:
    on a profile the detector's far-eye keypoint is unreliable and the angle with it)."""
    centre, side, angle = _roi(face, level)
    scale = SIZE / side
    cos, sin = math.cos(angle) * scale, math.sin(angle) * scale
    # image -> crop: rotate by -angle about the centre, scale, move the centre to the middle
    forward = np.array(
        [
            [cos, sin, SIZE / 2 - cos * centre[0] - sin * centre[1]],
            [-sin, cos, SIZE / 2 + sin * centre[0] - cos * centre[1]],
        ],
        np.float32,
    )
    crop = cv2.warpAffine(
        rgb, forward, (SIZE, SIZE), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    raw_points, raw_presence = infer(crop[None].astype(np.float32) / 255.0)
    local = raw_points.reshape(-1, 3)[:, :2]
    inverse = cv2.invertAffineTransform(forward)
    points = local @ inverse[:, :2].T + inverse[:, 2]
    presence = 1 / (1 + math.exp(-float(np.clip(raw_presence.reshape(-1)[-1], -80, 80))))
    return Mesh(points.astype(np.float32), presence)


def _xy(point: np.ndarray) -> dict[str, int]:
    return {"x": round(float(point[0])), "y": round(float(point[1]))}


def landmarks(points: np.ndarray) -> dict[str, object]:
    """PixLab's ``landmarks`` object from the 468 mesh points (image pixels)."""
    named: dict[str, object] = {name: _xy(points[index]) for name, index in _POINTS.items()}
    named["bone"] = {name: _xy(points[index]) for name, index in _BONE.items()}
    eye = {
        "pupil_left": _xy(points[_RIGHT_EYE].mean(axis=0)),
        "pupil_right": _xy(points[_LEFT_EYE].mean(axis=0)),
    }
    eye.update({name: _xy(points[index]) for name, index in _EYE.items()})
    named["eye"] = eye
    return named
