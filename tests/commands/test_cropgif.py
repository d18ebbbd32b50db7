import numpy as np
import pytest

from tests.commands._pictures import animation, frames_of
from tests.support import decode

GIF = animation(count=5, size=(120, 80))


@pytest.fixture(scope="module")
def gif_url(origin):
    return origin.add("/crop.gif", GIF, Content_Type="image/gif")


def test_every_frame_is_cropped_like_the_crop_gif_sample(api, gif_url):
    # crop_gif.py sends width, x and y only: height takes the width's value.
    out = api.image(api.get("cropgif", img=gif_url, x=5, y=3, width=40))
    assert decode(out).format == "GIF"
    before, after = frames_of(GIF), frames_of(out)
    assert len(after) == 5
    for original, cropped in zip(before, after, strict=True):
        assert cropped.shape == (40, 40, 3)
        assert np.abs(cropped - original[3:43, 5:45]).mean() < 12  # GIF palettes


def test_timing_and_loop_survive(api, gif_url):
    reply = api.get("cropgif", img=gif_url, x=0, y=0, width=10, height=10, blob="true")
    image = decode(reply.content)
    assert image.info["loop"] == 0 and image.info["duration"] == 100


def test_webp_in_webp_out(api):
    webp = animation(count=3, fmt="WEBP")
    reply = api.upload("cropgif", webp, x=0, y=0, width=50, height=30, blob="true")
    assert reply.headers["content-type"] == "image/webp"
    assert [f.shape for f in frames_of(reply.content)] == [(30, 50, 3)] * 3


def test_region_outside_the_frames_is_refused(api, gif_url):
    assert "outside" in api.error(api.get("cropgif", img=gif_url, x=500, y=0, width=10), 400)
    assert "width" in api.error(api.get("cropgif", img=gif_url, x=0, y=0), 400)
