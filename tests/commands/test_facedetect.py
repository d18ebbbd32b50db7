"""facedetect on real photos: every face found with a box over its eyes and mouth, none where
there is no face, small, turned and tilted faces, and the detect-then-blur chain."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.models.face_photos import TRUTH, compose, darknet, face_photo, inside, jpeg
from tests.support import decode, photo, pixels

GROUP = [  # (portrait, x, y, crop width): faces from about 45 to 250 pixels wide
    ("astronaut", 30, 40, 110),
    ("hopper", 150, 500, 90),
    ("camera", 300, 60, 200),
    ("astronaut", 560, 420, 200),
    ("hopper", 900, 80, 320),
    ("camera", 1350, 380, 480),
]

THREE = [("astronaut", 40, 300, 200), ("hopper", 400, 60, 300), ("camera", 800, 200, 400)]


def _boxes_are_consistent(faces: list[dict[str, int]]) -> None:
    for number, face in enumerate(faces, start=1):
        assert set(face) == {"face_id", "left", "top", "width", "height", "right", "bottom"}
        assert all(isinstance(value, int) for value in face.values())
        assert face["face_id"] == number
        assert face["right"] == face["left"] + face["width"]
        assert face["bottom"] == face["top"] + face["height"]


def _covers(face: dict[str, int], points) -> bool:
    return all(inside(point, face) for point in np.asarray(points))


def test_one_face_on_each_portrait_covering_eyes_and_mouth(api, origin):
    url = origin.add("/faces/astronaut.jpg", photo("astronaut"), Content_Type="image/jpeg")
    replies = {
        "astronaut": api.get("facedetect", img=url),
        "hopper": api.upload("facedetect", jpeg(face_photo("hopper"))),
        "camera": api.upload("facedetect", photo("camera", "PNG")),  # greyscale, 3/4 view
    }
    for name, reply in replies.items():
        faces = api.ok(reply)["faces"]
        assert len(faces) == 1, (name, faces)
        _boxes_are_consistent(faces)
        assert _covers(faces[0], TRUTH[name]), (name, faces[0])
        assert faces[0]["width"] < 0.6 * face_photo(name).shape[1]  # a face, not the picture


@pytest.mark.parametrize("name", ["coffee", "rocket", "chelsea"])
def test_no_face_on_bundled_photos_without_people(api, name):
    assert api.ok(api.upload("facedetect", photo(name)))["faces"] == []


@pytest.mark.parametrize("name", ["horses", "dog", "person", "kite", "giraffe"])
def test_no_face_on_darknet_scenes_without_a_visible_face(api, name):
    # person.jpg: a woman seen from behind with a dog and a horse; kite.jpg: a beach where the
    # people are turned away or a few pixels tall; the rest are animals.
    assert api.ok(api.upload("facedetect", darknet(name)))["faces"] == []


def test_group_photo_every_face_found_once(api, origin):
    picture, truths = compose(GROUP)
    url = origin.add("/faces/group.jpg", jpeg(picture), Content_Type="image/jpeg")
    faces = api.ok(api.post_json("facedetect", {"img": url}))["faces"]
    _boxes_are_consistent(faces)
    assert len(faces) == len(GROUP), faces
    for (name, *_), points in zip(GROUP, truths, strict=True):
        covering = [face for face in faces if _covers(face, points)]
        assert len(covering) == 1, (name, points, faces)
    assert [face["left"] for face in faces] == sorted(face["left"] for face in faces)


def test_faces_of_every_size_in_a_12_megapixel_photo(api):
    widths = [200, 300, 420, 560, 700, 900, 1200]  # faces from about 110 to 730 pixels
    names = ["astronaut", "hopper", "camera"]
    placements, x = [], 100
    for index, width in enumerate(widths):
        placements.append((names[index % 3], x, 200 + index % 2 * 1100, width))
        x += width + 60 if index % 2 else 0
    picture, truths = compose(placements, size=(4000, 3000))
    faces = api.ok(api.upload("facedetect", jpeg(picture)))["faces"]
    assert len(faces) == len(widths), faces
    for points in truths:
        assert len([face for face in faces if _covers(face, points)]) == 1, (points, faces)


def test_count_replaces_the_boxes(api, origin):
    picture, _ = compose(THREE, size=(1280, 720))
    body = api.ok(api.upload("facedetect", jpeg(picture), count="True"))
    assert body == {"status": 200, "count": 3}


@pytest.mark.parametrize("degrees", [-40, 30, 55])
def test_tilted_face_is_found(api, degrees):
    image = face_photo("astronaut")
    turn = cv2.getRotationMatrix2D((256, 256), degrees, 1.0)
    tilted = cv2.warpAffine(image, turn, (512, 512), borderMode=cv2.BORDER_REPLICATE)
    moved = cv2.transform(np.array([TRUTH["astronaut"]], np.float32), turn)[0]
    faces = api.ok(api.upload("facedetect", jpeg(tilted)))["faces"]
    assert len(faces) == 1 and _covers(faces[0], moved), faces


def test_mirrored_face_is_found(api):
    mirrored = np.ascontiguousarray(face_photo("hopper")[:, ::-1])
    width = mirrored.shape[1]
    points = [(width - 1 - x, y) for x, y in TRUTH["hopper"]]
    faces = api.ok(api.upload("facedetect", jpeg(mirrored)))["faces"]
    assert len(faces) == 1 and _covers(faces[0], points)


@pytest.mark.parametrize("shape", [(1, 3000, 3), (3000, 2, 3), (1, 1, 3)])
def test_slivers_and_single_pixels_have_no_face(api, shape):
    sliver = encode_png(np.full(shape, 200, np.uint8))
    assert api.ok(api.upload("facedetect", sliver))["faces"] == []


def test_blob_does_not_turn_the_json_reply_into_bytes(api):
    reply = api.upload("facedetect", photo("astronaut"), blob="true")
    assert len(api.ok(reply)["faces"]) == 1


@pytest.mark.parametrize("count", ["maybe", "2"])
def test_bad_count_is_a_400(api, astronaut_url, count):
    assert "count" in api.error(api.get("facedetect", img=astronaut_url, count=count), 400)


def test_missing_image_is_a_400(api):
    assert "img" in api.error(api.get("facedetect"), 400)


def test_detected_faces_go_straight_into_mogrify(api, origin):
    """blur_human_faces.py: facedetect's faces passed verbatim as mogrify's cord."""
    picture, _ = compose(THREE, size=(1280, 720))
    url = origin.add("/faces/chain.png", encode_png(picture), Content_Type="image/png")
    faces = api.ok(api.get("facedetect", img=url))["faces"]
    assert len(faces) == 3
    reply = api.ok(api.post_json("mogrify", {"img": url, "cord": faces}))
    assert reply["ssl_link"]
    blurred = pixels(api.image(api.post_json("mogrify", {"img": url, "cord": faces})))
    source = picture.astype(np.int16)
    for face in faces:
        region = np.s_[face["top"] : face["bottom"], face["left"] : face["right"]]
        assert _sharpness(blurred[region]) < 0.35 * _sharpness(source[region]), face
    outside = np.ones(picture.shape[:2], bool)
    for face in faces:
        outside[max(0, face["top"] - 40) : face["bottom"] + 40,
                max(0, face["left"] - 40) : face["right"] + 40] = False  # fmt: skip
    assert np.abs(blurred[outside] - source[outside]).max() <= 2  # PNG: untouched elsewhere
    raw = api.post_json("mogrify", {"img": url, "cord": faces, "blob": True})
    assert raw.headers["content-type"] == "image/png" and decode(raw.content).size == (1280, 720)


def encode_png(array: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", cv2.cvtColor(array, cv2.COLOR_RGB2BGR))
    assert ok
    return data.tobytes()


def _sharpness(region: np.ndarray) -> float:
    grey = region.astype(np.float32).mean(axis=2)
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())
