import numpy as np

from tests.commands._pictures import animation, frames_of, marker
from tests.support import decode

GIF = animation(count=4, size=(120, 80))


def test_every_frame_is_resized_like_the_gif_resize_sample(api, origin):
    url = origin.add("/resize.gif", GIF, Content_Type="image/gif")
    out = api.image(api.get("resizegif", img=url, width=256, height=256))
    after = frames_of(out)
    assert len(after) == 4 and all(f.shape == (256, 256, 3) for f in after)
    # The marker square (10x10 of 120x80) scales to the corner of each frame, in its colour.
    for index, frame in enumerate(after):
        corner = frame[5:15, 5:15].reshape(-1, 3).mean(axis=0)
        assert np.abs(corner - marker(index)).max() < 30


def test_one_side_given_is_used_for_both(api):
    reply = api.upload("resizegif", GIF, width=60, blob="true")
    assert decode(reply.content).size == (60, 60)
    assert len(frames_of(reply.content)) == 4


def test_animated_webp_stays_webp(api):
    reply = api.upload(
        "resizegif", animation(count=2, fmt="WEBP"), width=30, height=20, blob="true"
    )
    assert reply.headers["content-type"] == "image/webp"
    assert len(frames_of(reply.content)) == 2


def test_size_must_be_positive(api):
    assert "width" in api.error(api.upload("resizegif", GIF, width=0), 400)
