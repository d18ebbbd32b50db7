"""facelookup: the right face is found in a composed crowd; a stranger is not found."""

from __future__ import annotations

import numpy as np
import pytest

from tests.models.face_photos import compose, face_photo, inside, jpeg
from tests.support import photo

CROWD = [("camera", 40, 150, 260), ("astronaut", 380, 120, 240), ("hopper", 700, 100, 280)]


@pytest.fixture(scope="module")
def crowd(origin):
    picture, truths = compose(CROWD, size=(1100, 560))
    return origin.add("/lookup/crowd.jpg", jpeg(picture)), truths


def _face_url(origin, name: str, array: np.ndarray) -> str:
    return origin.add(f"/lookup/{name}.jpg", jpeg(array))


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_person_is_found_in_the_crowd(api, origin, crowd, index):
    url, truths = crowd
    name = CROWD[index][0]
    wanted = np.ascontiguousarray(face_photo(name)[:, ::-1])  # a mirrored portrait
    body = api.ok(api.get("facelookup", face=_face_url(origin, f"{name}-m", wanted), crowd=url))
    assert body["found"] is True and body["confidence"] > 0.75, body
    assert set(body["rectangle"]) == {"top", "left", "width", "height"}
    assert all(inside(point, body["rectangle"]) for point in truths[index]), body
    others = [truth for i, truth in enumerate(truths) if i != index]
    assert not any(inside(truth.mean(axis=0), body["rectangle"]) for truth in others)


def test_a_stranger_is_not_found_but_the_best_candidate_is_given(api, origin):
    picture, _ = compose([CROWD[0], CROWD[2]], size=(1100, 560))  # no astronaut here
    url = origin.add("/lookup/no-astronaut.jpg", jpeg(picture))
    face = _face_url(origin, "astronaut", face_photo("astronaut"))
    body = api.ok(api.post_json("facelookup", {"face": face, "crowd": url}))
    assert body["found"] is False and "rectangle" not in body, body
    best = body["best"]
    assert set(best) == {"rectangle", "confidence"} and best["confidence"] < 0.5
    assert set(best["rectangle"]) == {"top", "left", "width", "height"}


def test_a_crowd_without_faces_is_a_400(api, origin):
    face = _face_url(origin, "hopper", face_photo("hopper"))
    coffee = origin.add("/lookup/coffee.jpg", photo("coffee"))
    assert "crowd" in api.error(api.get("facelookup", face=face, crowd=coffee), 400)


def test_missing_crowd_is_a_400(api, origin):
    face = _face_url(origin, "hopper", face_photo("hopper"))
    assert "crowd" in api.error(api.get("facelookup", face=face), 400)
