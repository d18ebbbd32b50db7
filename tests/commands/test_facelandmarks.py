"""facelandmarks: PixLab's named points from the 468-point mesh, on real portraits."""

from __future__ import annotations

import numpy as np
import pytest

from tests.models.face_photos import TRUTH, compose, face_photo, inside, jpeg
from tests.support import photo

POINT_KEYS = {"nose", "mouth_left", "mouth_right", "top_lip", "bottom_lip", "chin", "bone", "eye"}
EYE_KEYS = {
    "pupil_left",
    "pupil_right",
    "left_brow_inner",
    "right_brow_inner",
    "left_outer",
    "right_outer",
}


def _xy(point: dict[str, int]) -> np.ndarray:
    assert set(point) == {"x", "y"} and all(isinstance(v, int) for v in point.values())
    return np.array([point["x"], point["y"]], float)


def _check_face(face: dict, truth) -> None:
    box, marks = face["rectangle"], face["landmarks"]
    assert {"left", "top", "width", "height"} <= set(box)
    assert set(marks) == POINT_KEYS
    assert set(marks["eye"]) == EYE_KEYS
    assert set(marks["bone"]) == {"center", "outer_left", "outer_right"}
    eye, bone = marks["eye"], marks["bone"]
    pupils = [_xy(eye["pupil_left"]), _xy(eye["pupil_right"])]
    nose, chin = _xy(marks["nose"]), _xy(marks["chin"])
    top_lip, bottom_lip = _xy(marks["top_lip"]), _xy(marks["bottom_lip"])
    size = box["width"]
    # The inner features sit inside the face box; chin and forehead at most a little outside.
    for point in [*pupils, nose, top_lip, bottom_lip, _xy(marks["mouth_left"])]:
        assert inside(point, box), (point, box)
    for point in [chin, *(_xy(p) for p in bone.values()), _xy(eye["left_outer"])]:
        assert inside(point, box, margin=0.2), (point, box)
    # Anatomical order, top to bottom: forehead, brows, pupils, nose tip, lips, chin.
    assert _xy(bone["center"])[1] < _xy(eye["left_brow_inner"])[1] < pupils[0][1]
    assert max(p[1] for p in pupils) < nose[1] < top_lip[1] < bottom_lip[1] < chin[1]
    # Left and right are the picture's.
    assert _xy(eye["left_outer"])[0] < pupils[0][0] < pupils[1][0] < _xy(eye["right_outer"])[0]
    assert _xy(marks["mouth_left"])[0] < top_lip[0] < _xy(marks["mouth_right"])[0]
    # Against the hand-marked eyes and mouth: within a tenth of the face size.
    for found, expected in zip(pupils, truth[:2], strict=True):
        assert np.linalg.norm(found - expected) < 0.1 * size, (found, expected)
    mouth = (top_lip + bottom_lip) / 2
    assert np.linalg.norm(mouth - truth[2]) < 0.1 * size, (mouth, truth[2])


@pytest.mark.parametrize("name", ["astronaut", "hopper"])
def test_landmarks_of_a_frontal_portrait(api, name):
    faces = api.ok(api.upload("facelandmarks", jpeg(face_photo(name))))["faces"]
    assert len(faces) == 1
    _check_face(faces[0], np.array(TRUTH[name], float))


def test_landmarks_by_url_on_a_group_photo(api, origin):
    placements = [("hopper", 60, 120, 300), ("astronaut", 520, 200, 260)]
    picture, truths = compose(placements, size=(1024, 640))
    url = origin.add("/landmarks/group.jpg", jpeg(picture), Content_Type="image/jpeg")
    faces = api.ok(api.get("facelandmarks", img=url))["faces"]
    assert len(faces) == 2
    for face, truth in zip(faces, truths, strict=True):  # left to right, as placed
        _check_face(face, truth)
    assert [face["rectangle"]["face_id"] for face in faces] == [1, 2]


def test_no_face_gives_an_empty_list(api, origin):
    url = origin.add("/landmarks/coffee.jpg", photo("coffee"), Content_Type="image/jpeg")
    assert api.ok(api.post_json("facelandmarks", {"img": url}))["faces"] == []


def test_an_image_that_is_not_one_is_a_415(api):
    api.error(api.upload("facelandmarks", b"GIF8? not an image at all"), 415)


def test_missing_image_is_a_400(api):
    assert "img" in api.error(api.post_json("facelandmarks", {}), 400)
