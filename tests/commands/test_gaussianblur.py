import numpy as np
import pytest

from tests.commands._effects import detail, original, served
from tests.support import photo, pixels


def test_gaussianblur_smooths_and_keeps_size_and_tone(api, astronaut_url):
    out = pixels(api.image(api.get("gaussianblur", img=astronaut_url, radius=5, sigma=3)))
    source = original()
    assert out.shape == source.shape
    assert detail(out) < detail(source) / 2
    assert abs(out.mean() - source.mean()) < 2


def test_gaussianblur_radius_truncates_the_kernel(api, origin):
    url = served(origin)
    wide = pixels(api.get("gaussianblur", img=url, radius=0, sigma=20, blob="true").content)
    narrow = api.post_json("gaussianblur", {"img": url, "radius": 1, "sigma": 20, "blob": True})
    narrow = pixels(narrow.content)
    # A 3 x 3 kernel, however large sigma, is close to a 3 x 3 mean: far less blur.
    assert detail(narrow) > 3 * detail(wide)


def test_gaussianblur_channel_blurs_only_the_green_band(api):
    source = photo("astronaut", "PNG")
    blob = api.upload("gaussianblur", source, sigma=4, channel=2, blob="1")
    assert blob.headers["content-type"] == "image/png"
    out, plain = pixels(blob.content), original()
    assert detail(out[..., 1]) < detail(plain[..., 1]) / 2
    assert np.array_equal(out[..., [0, 2]], plain[..., [0, 2]])


@pytest.mark.parametrize("sigma", ["-1", "101", "soft"])
def test_gaussianblur_rejects_a_bad_sigma(api, astronaut_url, sigma):
    assert "sigma" in api.error(api.get("gaussianblur", img=astronaut_url, sigma=sigma), 400)
