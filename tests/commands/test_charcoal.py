import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import decode, photo, pixels


def test_charcoal_draws_dark_lines_on_white_where_the_edges_are(api, astronaut_url):
    data = api.image(api.get("charcoal", img=astronaut_url, radius=2, sigma=1))
    out = pixels(data, "L")
    source = luma(original())
    assert out.shape == source.shape
    assert np.median(out) > 200  # mostly paper
    edges = np.hypot(*np.gradient(source))
    dark = out < 128
    assert 0.01 < dark.mean() < 0.3
    assert edges[dark].mean() > 3 * edges[~dark].mean()  # the strokes follow the edges


def test_charcoal_is_grey(api):
    blob = api.upload("charcoal", photo("coffee", "PNG"), radius=1, sigma=0.5, blob="true")
    assert blob.headers["content-type"] == "image/png"
    assert decode(blob.content).mode == "L"


def test_charcoal_by_json_post(api, origin):
    out = pixels(
        api.post_json("charcoal", {"img": served(origin), "sigma": 1, "blob": True}).content
    )
    assert out.shape == (512, 512, 3) and np.median(out) > 200


@pytest.mark.parametrize("radius", ["11", "-1", "thick"])
def test_charcoal_rejects_a_bad_radius(api, astronaut_url, radius):
    message = api.error(api.get("charcoal", img=astronaut_url, radius=radius, sigma=1), 400)
    assert "radius" in message
