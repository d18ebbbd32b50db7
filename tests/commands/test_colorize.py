import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def test_colorize_bare_call_warms_a_grey_photo(api, origin):
    # PixLab's sample calls colorize with only img and key.
    out = pixels(api.image(api.get("colorize", img=served(origin, "camera"))))
    assert out.shape == (512, 512, 3)
    grey = original("camera")
    expected = [np.floor(grey * 0.7 + c * 0.3 + 0.5) for c in (112, 66, 20)]
    for band in range(3):
        assert np.abs(out[..., band] - expected[band]).max() <= 1
    assert (out[..., 0] >= out[..., 1]).all() and (out[..., 1] >= out[..., 2]).all()


def test_colorize_blends_each_channel_by_its_percentage(api, origin):
    reply = api.post_json(
        "colorize", {"img": served(origin), "color": "red", "opacity": "100,0,50", "blob": True}
    )
    out, source = pixels(reply.content), original()
    assert (out[..., 0] == 255).all()
    assert np.array_equal(out[..., 1], source[..., 1])
    assert np.abs(out[..., 2] - np.floor(source[..., 2] * 0.5 + 0.5)).max() <= 1


def test_colorize_full_opacity_paints_the_colour(api):
    blob = api.upload("colorize", photo("coffee", "PNG"), color="#336699", opacity=100, blob="1")
    out = pixels(blob.content)
    assert (out == (0x33, 0x66, 0x99)).all()


@pytest.mark.parametrize("opacity", ["150", "10,20", "-5"])
def test_colorize_rejects_a_bad_opacity(api, astronaut_url, opacity):
    assert "opacity" in api.error(api.get("colorize", img=astronaut_url, opacity=opacity), 400)
