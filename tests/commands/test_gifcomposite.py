import numpy as np
import pytest

from tests.commands._pictures import animation, frames_of
from tests.support import encode

GIF = animation(count=6, size=(120, 80))
BLUE = np.zeros((20, 30, 3), np.uint8)
BLUE[:] = (0, 0, 255)


@pytest.fixture(scope="module")
def urls(origin):
    return {
        "gif": origin.add("/composite.gif", GIF, Content_Type="image/gif"),
        "blue": origin.add("/composite-blue.png", encode(BLUE, "PNG"), Content_Type="image/png"),
    }


def _is_blue(patch):
    return np.abs(patch - [0, 0, 255]).max() < 40


def test_pasted_from_the_given_frame_on_like_the_gif_composite_sample(api, urls):
    reply = api.get("gifcomposite", img=urls["gif"], composite=urls["blue"], x=10, y=30, frame=2)
    after = frames_of(api.image(reply))
    assert len(after) == 6
    for index, frame in enumerate(after):
        assert frame.shape == (80, 120, 3)
        assert _is_blue(frame[30:50, 10:40]) == (index >= 2)
    assert not _is_blue(after[5][55:75, 50:80])


def test_default_is_every_frame_and_the_overlay_is_clipped(api, urls):
    reply = api.get(
        "gifcomposite", img=urls["gif"], composite=urls["blue"], x=110, y=-10, blob="true"
    )
    after = frames_of(reply.content)
    assert all(_is_blue(frame[0:10, 110:120]) for frame in after)


def test_composite_is_required(api, urls):
    assert "composite" in api.error(api.get("gifcomposite", img=urls["gif"], x=1, y=1), 400)
    message = api.error(
        api.get("gifcomposite", img=urls["gif"], composite=urls["blue"], x=1, y=1, frame=-1), 400
    )
    assert "frame" in message
