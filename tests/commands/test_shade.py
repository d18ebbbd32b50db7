import math

import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import decode, encode, pixels


def test_shade_lights_flat_areas_by_the_elevation(api, origin):
    flat = np.zeros((50, 80, 3), np.uint8)
    flat[:, 40:] = 200  # two plateaus and one vertical step
    url = origin.add("/effects/plateaus.png", encode(flat, "PNG"), Content_Type="image/png")
    blob = api.get("shade", img=url, gray="true", azimuth=0, elevation=30, blob="1")
    out = pixels(blob.content, "L")
    assert decode(blob.content).mode == "L"
    # A flat surface faces straight up: its light is sin(elevation) whatever its height.
    expected = round(255 * math.sin(math.radians(30)))
    assert abs(int(out[25, 10]) - expected) <= 1 and abs(int(out[25, 70]) - expected) <= 1
    # The step rises to the right, so its slope faces -x: in the dark under a light from
    # azimuth 0 (the +x side), fully lit from azimuth 180.
    assert out[25, 39] == 0 and out[25, 40] == 0
    lit = pixels(api.get("shade", img=url, azimuth=180, elevation=30, blob="1").content, "L")
    assert lit[25, 39] > expected + 60 and lit[25, 40] > expected + 60


def test_shade_of_a_photo_is_a_grey_relief(api, astronaut_url):
    out = pixels(api.image(api.get("shade", img=astronaut_url, azimuth=120, elevation=45)))
    assert out.shape == (512, 512, 3)
    assert (out[..., 0] == out[..., 1]).all()  # grey, by default
    assert 120 < np.median(out) < 240  # mostly lit like a flat surface: 255 sin 45 = 180


def test_shade_without_gray_scales_the_colours(api, origin):
    url = served(origin)
    reply = api.post_json(
        "shade", {"img": url, "gray": False, "azimuth": 30, "elevation": 90, "blob": True}
    )
    out, source = pixels(reply.content), original()
    # Light from straight above gives every pixel at most its own colour.
    assert (out <= source + 1).all() and np.corrcoef(luma(out).ravel(), luma(source).ravel())[
        0, 1
    ] > 0.8


@pytest.mark.parametrize("elevation", ["100", "-91", "high"])
def test_shade_rejects_a_bad_elevation(api, astronaut_url, elevation):
    reply = api.get("shade", img=astronaut_url, azimuth=30, elevation=elevation)
    assert "elevation" in api.error(reply, 400)
