import numpy as np
import pytest

from tests.commands._pictures import frames_of
from tests.support import decode, encode, photo, photo_array

NAMES = ["astronaut", "coffee", "chelsea", "rocket"]


@pytest.fixture(scope="module")
def frame_urls(origin):
    return [
        origin.add(f"/gif-{name}.jpg", photo(name), Content_Type="image/jpeg") for name in NAMES
    ]


def test_four_stills_make_a_looping_gif_like_the_make_gif_sample(api, frame_urls):
    reply = api.post_json("makegif", {"frames": [{"img": url} for url in frame_urls]})
    data = api.image(reply)
    image = decode(data)
    assert image.format == "GIF" and image.info["loop"] == 0
    after = frames_of(data)
    assert len(after) == 4 and all(f.shape == (512, 512, 3) for f in after)
    # The first frame is the astronaut itself; the others are fitted inside 512x512.
    assert np.abs(after[0] - photo_array("astronaut")).mean() < 12
    assert after[2].shape == (512, 512, 3)


def test_delay_sets_each_frame_duration(api, frame_urls):
    body = {"frames": [{"img": frame_urls[0]}, {"img": frame_urls[1]}], "delay": 750, "blob": True}
    reply = api.post_json("makegif", body)
    assert reply.headers["content-type"] == "image/gif"
    image = decode(reply.content)
    durations = []
    for index in range(image.n_frames):
        image.seek(index)
        durations.append(image.info["duration"])
    assert durations == [750, 750]


def test_the_frame_budget_is_enforced(api, origin):
    tile = origin.add(
        "/gif-tile.png", encode(np.zeros((8, 8, 3), np.uint8), "PNG"), Content_Type="image/png"
    )
    reply = api.post_json("makegif", {"frames": [{"img": tile}] * 201})
    assert "frames" in api.error(reply, 400)


def test_frames_are_required(api):
    assert "frames" in api.error(api.post_json("makegif", {"frames": []}), 400)
    assert "delay" in api.error(
        api.post_json("makegif", {"frames": [{"img": "x"}], "delay": "soon"}), 400
    )
