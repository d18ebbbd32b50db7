import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def test_gaussian_noise_has_imagemagicks_spread(api, origin):
    out = pixels(api.image(api.get("noise", img=served(origin, "coffee"), noise=2)))
    source = original("coffee")
    residual = (out - source)[(source > 30) & (source < 225)]  # away from clipping
    # ImageMagick's Gaussian: sigma = 5120/65535 of the range (about 20 levels) plus a little.
    assert abs(residual.mean()) < 1 and 17 < residual.std() < 22


def test_impulse_noise_hits_one_sample_in_ten(api):
    blob = api.upload("noise", photo("coffee", "PNG"), noise=4, blob="1")
    out, source = pixels(blob.content), original("coffee")
    changed = out != source
    assert 0.08 < changed.mean() < 0.11
    assert set(np.unique(out[changed]).tolist()) <= {0, 255}


def test_noise_channel_limits_the_bands(api, origin):
    reply = api.post_json("noise", {"img": served(origin), "noise": 1, "channel": 1, "blob": True})
    out, source = pixels(reply.content), original()
    assert np.array_equal(out[..., 1:], source[..., 1:])
    assert (out[..., 0] != source[..., 0]).mean() > 0.2


@pytest.mark.parametrize("kind", ["0", "8", "gaussian"])
def test_noise_rejects_an_unknown_type(api, astronaut_url, kind):
    assert "noise" in api.error(api.get("noise", img=astronaut_url, noise=kind), 400)
