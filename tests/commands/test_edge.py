import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import encode, photo_array, pixels


def test_edge_leaves_flat_areas_black_and_lights_the_edges(api, astronaut_url):
    out = luma(pixels(api.image(api.get("edge", img=astronaut_url, radius=1))))
    source = luma(original())
    assert out.shape == source.shape
    assert np.median(out) < 40  # sparse
    gradient = np.hypot(*np.gradient(source))
    assert np.corrcoef(out.ravel(), gradient.ravel())[0, 1] > 0.4


def test_edge_of_a_square_is_its_outline(api, origin):
    square = np.zeros((60, 60, 3), np.uint8)
    square[20:40, 20:40] = 200
    url = origin.add("/effects/square.png", encode(square, "PNG"), Content_Type="image/png")
    out = pixels(api.get("edge", img=url, radius=1, blob="1").content)[..., 0]
    inside, outside = out[23:37, 23:37], np.r_[out[:17].ravel(), out[43:].ravel()]
    assert inside.max() == 0 and outside.max() == 0
    # The 3 x 3 kernel (8 at the centre, -1 around) on the square's inner rim: corner 5 x 200.
    assert out[20, 20] == 255 and out[20, 30] == 255 and out[19, 30] == 0


def test_edge_default_radius_and_alpha_kept(api):
    rgba = np.dstack([photo_array("coffee"), np.full((400, 600), 90, np.uint8)])
    out = pixels(api.upload("edge", encode(rgba, "PNG"), blob="1").content, "RGBA")
    assert (out[..., 3] == 90).all()


@pytest.mark.parametrize("radius", ["-1", "11", "x"])
def test_edge_rejects_a_bad_radius(api, origin, radius):
    assert "radius" in api.error(api.get("edge", img=served(origin), radius=radius), 400)
