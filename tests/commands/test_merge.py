import json

import numpy as np
import pytest

from tests.support import encode, photo, photo_array, pixels

BASE = photo_array("astronaut").astype(np.int16)  # 512x512
RED = np.zeros((40, 60, 3), np.uint8)
RED[:] = (255, 0, 0)
BIG = np.zeros((700, 800, 4), np.uint8)  # larger than the base, half transparent
BIG[:, :, 2] = 255
BIG[:, :, 3] = 128


@pytest.fixture(scope="module")
def urls(origin):
    return {
        "base": origin.add("/merge-base.png", photo("astronaut", "PNG"), Content_Type="image/png"),
        "red": origin.add("/merge-red.png", encode(RED, "PNG"), Content_Type="image/png"),
        "big": origin.add("/merge-big.png", encode(BIG, "PNG"), Content_Type="image/png"),
    }


def _red_box(out):
    ys, xs = np.nonzero((out == [255, 0, 0]).all(axis=2))
    return xs.min(), ys.min(), xs.max() + 1, ys.max() + 1


def test_overlay_at_x_y_and_centred(api, urls):
    cord = [
        {"img": urls["red"], "x": 10, "y": 20},
        {"img": urls["red"], "x": 300, "y": 300, "center": True, "center_y": True},
    ]
    out = pixels(api.image(api.post_json("merge", {"src": urls["base"], "cord": cord})))
    assert out.shape == BASE.shape
    first = (out[20:60, 10:70] == [255, 0, 0]).all(axis=2)
    assert first.all()
    assert (out[280:320, 270:330] == [255, 0, 0]).all()  # middle on (300, 300)
    assert (out[100:250, 100:250] == BASE[100:250, 100:250]).all()


def test_only_center_moves_horizontally(api, urls):
    cord = [{"img": urls["red"], "x": 100, "y": 100, "center": "true"}]
    out = pixels(api.image(api.post_json("composite", {"src": urls["base"], "cord": cord})))
    assert _red_box(out) == (70, 100, 130, 140)


def test_partly_outside_and_larger_than_the_base_with_alpha(api, urls):
    cord = [{"img": urls["red"], "x": -30, "y": 490}, {"img": urls["big"], "x": -100, "y": -50}]
    reply = api.post_json("merge", {"src": urls["base"], "cord": cord, "blob": True})
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    assert out.shape == BASE.shape
    # Everything is under the half-transparent blue: blue rises, red and green halve.
    expected = BASE[200:300, 200:300] * (127 / 255) + np.array([0, 0, 255]) * (128 / 255)
    assert np.abs(out[200:300, 200:300] - expected).max() <= 2
    corner = np.array([255, 0, 0]) * (127 / 255) + np.array([0, 0, 255]) * (128 / 255)
    assert np.abs(out[495, 5] - corner).max() <= 2  # the clipped red, under the blue


def test_the_base_may_be_uploaded(api, urls):
    reply = api.upload(
        "merge", photo("astronaut", "PNG"), cord=json.dumps([{"img": urls["red"], "x": 0, "y": 0}])
    )
    assert (pixels(api.image(reply))[0:40, 0:60] == [255, 0, 0]).all()


def test_src_and_cord_are_required(api, urls):
    assert "src" in api.error(
        api.post_json("merge", {"cord": [{"img": urls["red"], "x": 0, "y": 0}]}), 400
    )
    message = api.error(api.post_json("merge", {"src": urls["base"], "cord": [{"x": 1}]}), 400)
    assert "cord.0" in message
