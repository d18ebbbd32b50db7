"""BlazeFace decoding: anchors, box and keypoint decoding, weighted NMS, tiling."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from pixmill.models import blazeface
from pixmill.models.blazeface import SsdModel, generate_anchors, suppress


@pytest.mark.parametrize(
    ("model", "count"),
    [
        (SsdModel(128, (8, 16, 16, 16), True), 896),  # short range
        (SsdModel(256, (16, 32, 32, 32), True), 896),  # back camera
        (SsdModel(192, (4,), False), 2304),  # full range
    ],
)
def test_anchor_layouts_match_the_model_outputs(model, count):
    anchors = model.anchors()
    assert anchors.shape == (count, 2)
    assert anchors.min() > 0 and anchors.max() < 1


def test_anchors_are_cell_centres_row_by_row_repeated_per_cell():
    anchors = generate_anchors(128, (8, 16, 16, 16), True)
    assert np.allclose(anchors[0], anchors[1])  # two anchors in each 8-pixel cell
    assert np.allclose(anchors[0], [0.5 / 16, 0.5 / 16])
    assert np.allclose(anchors[2], [1.5 / 16, 0.5 / 16])  # then the next cell to the right
    assert np.allclose(anchors[512], [0.5 / 8, 0.5 / 8])  # six per cell on the 16-pixel grid
    assert np.allclose(anchors[512:518], anchors[512])


def test_decoding_puts_boxes_and_keypoints_around_their_anchor():
    model = SsdModel(192, (4,), False)
    anchors = model.anchors()
    raw_boxes = np.zeros((1, len(anchors), 16), np.float32)
    raw_scores = np.full((1, len(anchors), 1), -10, np.float32)
    index = 48 * 10 + 20  # row 10, column 20 of the 48x48 grid: centre (82, 42)
    raw_boxes[0, index, :4] = [3, -2, 40, 50]  # offset (3, -2), size 40 x 50
    raw_boxes[0, index, 4:6] = [-10, -8]  # first keypoint
    raw_scores[0, index, 0] = 2.0
    boxes, scores, points = blazeface._decode(model, anchors, raw_boxes, raw_scores, 0.5)
    assert boxes.shape == (1, 4) and points.shape == (1, 6, 2)
    assert np.allclose(boxes[0], [85 - 20, 40 - 25, 85 + 20, 40 + 25])
    assert np.allclose(points[0, 0], [72, 34])
    assert np.isclose(scores[0], 1 / (1 + np.exp(-2)))


def test_weighted_suppression_merges_overlaps_and_keeps_separate_faces():
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], np.float32)
    scores = np.array([0.6, 0.9, 0.7], np.float32)
    points = np.zeros((3, 6, 2), np.float32)
    points[:, :, 0] = [[0], [3], [55]]
    found = suppress(boxes, scores, points)
    assert [round(face.score, 2) for face in found] == [0.9, 0.7]
    merged = found[0]
    assert np.allclose(merged.box, (boxes[0] * 0.6 + boxes[1] * 0.9) / 1.5)
    assert np.allclose(merged.keypoints[:, 0], (0 * 0.6 + 3 * 0.9) / 1.5)


@pytest.mark.parametrize("length", [500, 640, 641, 1080, 1920, 4000])
def test_tiles_cover_the_axis_with_a_sixth_of_overlap(length):
    side = 640
    starts = blazeface._starts(length, side)
    assert starts[0] == 0 and starts[-1] + min(side, length) == length
    for before, after in itertools.pairwise(starts):
        assert after - before <= side * 5 / 6 + 1
