import numpy as np

from tests.support import encode, photo_array, pixels


def test_thumbnail_with_both_sides_is_exact(api, astronaut_url):
    out = pixels(api.image(api.get("thumbnail", img=astronaut_url, width=200, height=100)))
    assert out.shape == (100, 200, 3)


def test_thumbnail_with_width_keeps_the_aspect_ratio(api):
    chelsea = photo_array("chelsea")  # 300 x 451
    out = pixels(api.upload("thumbnail", encode(chelsea), width=150, blob="true").content)
    assert out.shape == (100, 150, 3)
    small = chelsea[::3, ::3][:100, :150].astype(np.int16)
    assert np.abs(out.mean(axis=(0, 1)) - small.mean(axis=(0, 1))).max() < 6


def test_thumbnail_needs_a_side(api, astronaut_url):
    assert "width" in api.error(api.get("thumbnail", img=astronaut_url), 400)
