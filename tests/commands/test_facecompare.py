"""facecompare: augmented copies of one face are the same person, different people are not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.models.face_photos import face_crop, face_photo, jpeg
from tests.support import photo


def _augmented(name: str) -> dict[str, np.ndarray]:
    image = face_photo(name)
    height, width = image.shape[:2]
    return {
        "mirrored": np.ascontiguousarray(image[:, ::-1]),
        "brighter": np.clip(image.astype(np.int16) * 1.25 + 15, 0, 255).astype(np.uint8),
        "cropped": face_crop(name)[0],
        "halved": cv2.resize(image, (width // 2, height // 2), interpolation=cv2.INTER_AREA),
        "tilted": cv2.warpAffine(
            image,
            cv2.getRotationMatrix2D((width / 2, height / 2), 15, 1.0),
            (width, height),
            borderMode=cv2.BORDER_REPLICATE,
        ),
    }


@pytest.fixture(scope="module")
def urls(origin):
    served = {}
    for name in ("astronaut", "hopper", "camera"):
        served[name] = origin.add(f"/compare/{name}.jpg", jpeg(face_photo(name)))
        for kind, array in _augmented(name).items():
            served[f"{name}-{kind}"] = origin.add(f"/compare/{name}-{kind}.jpg", jpeg(array))
    return served


@pytest.mark.parametrize("name", ["astronaut", "hopper"])
@pytest.mark.parametrize("kind", ["mirrored", "brighter", "cropped", "halved", "tilted"])
def test_augmented_copies_are_the_same_face(api, urls, name, kind):
    body = api.ok(api.get("facecompare", src=urls[name], target=urls[f"{name}-{kind}"]))
    assert body["same_face"] is True and 0.75 < body["confidence"] <= 1, body


@pytest.mark.parametrize(
    "pair",
    [("astronaut", "hopper"), ("astronaut", "camera"), ("hopper", "camera"),
     ("astronaut-mirrored", "hopper-brighter"), ("camera-cropped", "astronaut-halved")],
)  # fmt: skip
def test_different_people_are_not_the_same_face(api, urls, pair):
    body = api.ok(api.post_json("facecompare", {"src": urls[pair[0]], "target": urls[pair[1]]}))
    assert body["same_face"] is False and 0 <= body["confidence"] < 0.5, body


def test_an_uploaded_src_is_compared_with_a_target_url(api, urls):
    body = api.ok(api.upload("facecompare", jpeg(face_photo("hopper")), target=urls["hopper"]))
    assert body["same_face"] is True and body["confidence"] > 0.9


def test_an_image_without_a_face_is_a_400_naming_it(api, urls, origin):
    coffee = origin.add("/compare/coffee.jpg", photo("coffee"))
    message = api.error(api.get("facecompare", src=urls["astronaut"], target=coffee), 400)
    assert "target" in message and "face" in message


def test_missing_target_is_a_400(api, urls):
    assert "target" in api.error(api.get("facecompare", src=urls["astronaut"]), 400)
