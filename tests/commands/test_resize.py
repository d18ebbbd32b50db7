import numpy as np

from tests.support import photo, pixels


def test_resize_gives_exactly_the_requested_size(api, astronaut_url):
    out = pixels(api.image(api.get("resize", img=astronaut_url, width=300, height=100)))
    assert out.shape == (100, 300, 3)


def test_resize_with_one_side_makes_a_square_and_keeps_the_colours(api):
    reply = api.upload("resize", photo("coffee", "PNG"), width=64, blob="true")
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    assert out.shape == (64, 64, 3)
    source = pixels(photo("coffee", "PNG"))
    assert np.abs(out.mean(axis=(0, 1)) - source.mean(axis=(0, 1))).max() < 6


def test_resize_rejects_a_huge_output(api, astronaut_url):
    assert "width" in api.error(api.get("resize", img=astronaut_url, width=100000), 400)
