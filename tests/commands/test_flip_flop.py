import numpy as np

from tests.support import encode, pixels


def _gradient() -> np.ndarray:
    array = np.zeros((40, 60, 3), np.uint8)
    array[:20, :30] = (255, 0, 0)  # red top-left quadrant
    return array


def test_flip_mirrors_top_to_bottom(api):
    out = pixels(api.image(api.upload("flip", encode(_gradient(), "PNG"))))
    assert tuple(out[39, 0]) == (255, 0, 0) and tuple(out[0, 0]) == (0, 0, 0)


def test_flop_mirrors_left_to_right(api):
    out = pixels(api.image(api.upload("flop", encode(_gradient(), "PNG"))))
    assert tuple(out[0, 59]) == (255, 0, 0) and tuple(out[0, 0]) == (0, 0, 0)


def test_flip_by_json_with_blob(api, astronaut_url):
    reply = api.post_json("flip", {"img": astronaut_url, "blob": True})
    assert reply.headers["content-type"] == "image/jpeg"
    assert pixels(reply.content).shape == (512, 512, 3)


def test_flop_rejects_a_non_image(api):
    api.error(api.upload("flop", b"hello, this is text"), 415)
